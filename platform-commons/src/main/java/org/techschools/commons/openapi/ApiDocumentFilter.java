package org.techschools.commons.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import org.techschools.commons.console.ConsolePagesOutOfApiDocument;

/** The one filter mp.openapi.filter names (it takes a single class): applies each of the platform's in order. */
public class ApiDocumentFilter implements OASFilter {

    private final List<OASFilter> filters = List.of(new ConsolePagesOutOfApiDocument(), new ProblemResponses());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        filters.forEach(filter -> filter.filterOpenAPI(openAPI));
    }
}
