// The second build (layerhost.failOnWarning) fails on the library's AUTOMATIC_MODULE warning, naming the
// plugin and the code; the first passed (invoker.properties).
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('AUTOMATIC_MODULE')
assert log.contains('layerhost: warnings (failOnWarning is set): warning.plugin 1.0.0 (AUTOMATIC_MODULE); see '
        + new File(basedir, 'plugin/target/layerhost/check.json').toPath().toAbsolutePath().normalize())
assert log =~ /(?m)^\[ERROR\] What if: .*warning\.plugin 1\.0\.0.*: OK$/

def json = new JsonSlurper().parse(new File(basedir, 'plugin/target/layerhost/check.json'))
def candidate = json.plugins.find { it.candidate }
assert candidate.status == 'OK'
assert json.diagnostics.find { it.code == 'AUTOMATIC_MODULE' }.severity == 'WARNING'
return true
