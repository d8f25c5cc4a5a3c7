// p.base 2.0.0 against a root whose p.dep was compiled against p.base 1.0.0: the build fails; the console
// shows p.dep going from OK to REJECTED with VERSION_CONFLICT, both versions and a hint.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('p.dep')
assert log.contains('OK -> REJECTED')
assert log.contains('VERSION_CONFLICT')
assert log.contains('What if: +p-base (p.base 2.0.0, replaces p-base-1-1.0.0.jar 1.0.0): OK')
assert log.contains('p.dep (p-dep-1.0.0.jar): OK -> REJECTED')
assert log.contains('module p.dep was compiled against p.base 1.0.0 but resolves p.base 2.0.0')
assert log.contains('hint: plugin p.base is now 2.0.0: rebuild p.dep against it, or keep p.base at 1.x')
// The report's absolute path (a path relative to the module would read as one relative to where mvn ran).
def report = new File(basedir, 'base-2/target/layerhost/check.json').toPath().toAbsolutePath().normalize()
assert log.contains('layerhost: p.base 2.0.0 would break 1 plugin of the reference root: p.dep (VERSION_CONFLICT);'
        + ' see ' + report)
// The build fails: doctor's text is logged at ERROR, so that 'mvn -q' still shows it.
assert log.contains('[ERROR] What if: +p-base (p.base 2.0.0, replaces p-base-1-1.0.0.jar 1.0.0): OK')
assert log.contains('[ERROR]             hint: plugin p.base is now 2.0.0: rebuild p.dep against it, or keep p.base at 1.x')
assert !log.contains('\tat dev.layerhost')

def json = new JsonSlurper().parse(new File(basedir, 'base-2/target/layerhost/check.json'))
def candidate = json.plugins.find { it.candidate }
assert candidate.id == 'p.base'
assert candidate.version == '2.0.0'
def change = json.changes.find { it.plugin == 'p.dep' }
assert change != null
def conflict = change.diagnostics.find { it.code == 'VERSION_CONFLICT' }
assert conflict.details.compiledVersion == '1.0.0'
assert conflict.details.resolvedVersion == '2.0.0'
// The root is never changed.
assert new File(basedir, 'root/target/root').list().toList().sort() == ['p-base-1-1.0.0.jar', 'p-dep-1.0.0.jar']
return true
