// An earlier run's verdict and candidate: the failing run below must not leave them behind.
def work = new File(basedir, 'target/layerhost')
new File(work, 'candidate/old-name').mkdirs()
new File(work, 'candidate/old-name/old-1.0.jar').text = 'old'
new File(work, 'check.json').text = '{"status": "OK"}'
return true
