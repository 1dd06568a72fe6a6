package org.techschools.commons.messaging;

/** A message that can never be processed: it goes to the dead-letter topic with this message as the reason. */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String reason) {
        super(reason);
    }

    public UnprocessableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
