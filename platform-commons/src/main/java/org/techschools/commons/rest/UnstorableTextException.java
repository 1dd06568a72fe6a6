package org.techschools.commons.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON string the platform cannot keep ({@link StorableText}); Jackson adds the field's path as it unwinds. */
public class UnstorableTextException extends JsonMappingException {

    public UnstorableTextException(JsonParser parser) {
        super(parser, "text " + StorableText.MESSAGE);
    }
}
