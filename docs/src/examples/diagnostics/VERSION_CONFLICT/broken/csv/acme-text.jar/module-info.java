// tag::module[]
// javac --module-version 2.0.0
module acme.text {
    exports acme.text;
}
// end::module[]
