// tag::library-module[]
module acme.text {
    exports acme.text;
}
// end::library-module[]
