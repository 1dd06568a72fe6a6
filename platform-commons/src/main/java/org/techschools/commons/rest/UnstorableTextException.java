package org.techschools.commons.rest;

import org.techschools.commons.text.StorableText;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string the platform cannot keep ({@link StorableText}); Jackson adds the field's path as it unwinds. A
 * mismatched input so that the REST layer passes it on as it is (other mapping failures arrive wrapped, unnamed).
 */
public class UnstorableTextException extends MismatchedInputException {

    public UnstorableTextException(JsonParser parser) {
        super(parser, "text " + StorableText.MESSAGE, String.class);
    }
}
