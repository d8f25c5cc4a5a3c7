// The sound plugin passes: the build succeeds, the console shows doctor's report with the candidate OK,
// and the JSON report has the candidate's row, OK, with its library among its modules.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// No warning, no failure: doctor's text is logged at INFO.
assert log =~ /(?m)^\[INFO\] .*sound\.plugin.*OK/
assert !(log =~ /(?m)^\[(WARNING|ERROR)\] (What if|No problems)/)

def report = new File(basedir, 'plugin/target/layerhost/check.json')
assert report.isFile()
def json = new JsonSlurper().parse(report)
def candidate = json.plugins.find { it.candidate }
assert candidate != null
assert candidate.id == 'sound.plugin'
assert candidate.version == '1.0.0'
assert candidate.status == 'OK'
assert candidate.modules*.name.containsAll(['sound.plugin', 'sound.library'])
assert json.changes == []

// The candidate folder holds the plugin and its library, not the API (provided, the host's).
def folder = new File(basedir, 'plugin/target/layerhost/candidate/sound-plugin')
assert folder.list().toList().sort() == ['sound-library-1.0.0.jar', 'sound-plugin-1.0.0.jar']
return true
