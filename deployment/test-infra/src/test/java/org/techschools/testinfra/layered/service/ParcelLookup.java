package org.techschools.testinfra.layered.service;

import org.techschools.testinfra.layered.domain.Parcel;
import org.techschools.testinfra.layered.rest.ParcelView;

/** A service that returns a rest view (fixture for LayerRulesTest: the leak the rules must catch). */
public class ParcelLookup {
    public ParcelView find(Parcel parcel) {
        return new ParcelView(parcel.code);
    }
}
