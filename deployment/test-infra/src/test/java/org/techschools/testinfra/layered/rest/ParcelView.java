package org.techschools.testinfra.layered.rest;

/** A view a leaking service returns (fixture for LayerRulesTest). */
public record ParcelView(String code) {
}
