// The plugin and its library both hold package split.internal: the build fails with doctor's SPLIT_PACKAGE,
// naming the package, both modules and a hint, and the message of the failure names the plugin and code.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('SPLIT_PACKAGE')
assert log =~ /package split\.internal is in both split\.(library|plugin) .* and split\.(library|plugin)/
assert log.contains('move package split.internal into one module')
assert log.contains('layerhost: split.plugin 1.0.0 is REJECTED (SPLIT_PACKAGE); see '
        + new File(basedir, 'plugin/target/layerhost/check.json').toPath().toAbsolutePath().normalize())
assert !log.contains('\tat dev.layerhost')

def json = new JsonSlurper().parse(new File(basedir, 'plugin/target/layerhost/check.json'))
def candidate = json.plugins.find { it.candidate }
assert candidate.status == 'REJECTED'
def split = json.diagnostics.find { it.code == 'SPLIT_PACKAGE' }
assert split.details.package == 'split.internal'
assert split.details.modules.toSorted() == ['split.library', 'split.plugin']
return true
