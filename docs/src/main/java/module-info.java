/**
 * The guide's host application: a modular program that embeds layerhost and offers its plugins the sample
 * API, {@code layerhost.api}. Every snippet of {@code docs/guide.md} and of the README's "Use as a library"
 * about a host is a region of this module's sources, so the build compiles what the guide shows.
 */
// tag::module[]
module com.example.host {
    requires layerhost.core;     // the embedding API, package dev.layerhost.core
    requires layerhost.api;      // the service types this host's plugins provide: its API layer
}
// end::module[]
