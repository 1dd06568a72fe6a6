package org.techschools.enrollment.rest;

/** Body of a withdrawal (撤销) or a reveal: why the caller does it. */
public record ReasonRequest(String reason) {
}
