// The project's own layerhost.api 9.0.0 is the API checked against, not the command's built-in one: the
// plugin's service type (package dev.layerhost.api.nine, which only 9.0.0 has) is an API type, so it is OK.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

def json = new JsonSlurper().parse(new File(basedir, 'plugin/target/layerhost/check.json'))
def candidate = json.plugins.find { it.candidate }
assert candidate.id == 'own.plugin'
assert candidate.status == 'OK'
assert candidate.services == ['dev.layerhost.api.nine.Nine']
assert !json.diagnostics.any { it.code == 'NO_PROVIDER' }
return true
