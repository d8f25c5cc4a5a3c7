module split.library {
    exports split.library;
}
