def log = new File(basedir, 'build.log').text
assert log.contains('layerhost: nothing to check in a pom project')
assert !log.contains('not built yet')
assert log.contains('BUILD SUCCESS')
return true
