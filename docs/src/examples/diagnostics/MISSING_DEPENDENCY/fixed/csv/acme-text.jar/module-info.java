// tag::module[]
module acme.text {
    exports acme.text;
}
// end::module[]
