// tag::module[]
module acme.text {
    exports acme.text.util;          // each package in one module
}
// end::module[]
