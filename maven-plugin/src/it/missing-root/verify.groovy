def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /layerhost: .*no-such-root/
assert !log.contains('\tat dev.layerhost')
assert !log.contains('doctor ended with exit code')
// prebuild.groovy left an old report and candidate: the failed run deleted both.
assert !new File(basedir, 'target/layerhost/check.json').exists()
assert !new File(basedir, 'target/layerhost/candidate/old-name').exists()
return true
