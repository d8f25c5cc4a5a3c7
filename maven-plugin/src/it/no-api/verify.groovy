def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('layerhost: no API: name the host\'s API with <apiArtifacts>')
// A user's mistake, not a bug: no stack trace.
assert !log.contains('\tat dev.layerhost')
assert !log.contains('Exception:')
return true
