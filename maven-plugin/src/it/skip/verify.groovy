def log = new File(basedir, 'build.log').text
assert log.contains('layerhost: check skipped')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/layerhost').exists()
return true
