// tag::module[]
module acme.text {
    exports acme.util;               // acme.csv has a package acme.util too
}
// end::module[]
