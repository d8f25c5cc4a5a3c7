package dev.layerhost.api.nine;

/** A service type only this version of the API has. */
public interface Nine {
    int nine();
}
