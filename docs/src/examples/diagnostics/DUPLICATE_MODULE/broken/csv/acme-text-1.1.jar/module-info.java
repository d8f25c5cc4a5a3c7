// tag::module[]
// javac --module-version 1.1.0
module acme.text {
    exports acme.text;
}
// end::module[]
