package org.techschools.commons.console;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The OpenAPI document describes the API systems integrate against; the console's HTML pages are for people (their
 * errors are pages, not problem documents) and are described in the README, so they are left out of it.
 */
public class ConsolePagesOutOfApiDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<String> pages = openAPI.getPaths().getPathItems().keySet().stream().filter(path -> path.startsWith("/console")).toList();
        pages.forEach(openAPI.getPaths()::removePathItem);
    }
}
