def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /layerhost: .*no-such-root/
assert !log.contains('\tat dev.layerhost')
assert !log.contains('doctor ended with exit code')
return true
