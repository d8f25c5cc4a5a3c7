module sound.library {
    exports sound.library;
}
