package org.techschools.quota.config;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** OpenAPI document of quota-service (served at /q/openapi, Swagger UI at /q/swagger-ui). */
@OpenAPIDefinition(
        info = @Info(title = "quota-service", version = "1",
                description = "目标任务 (targets), 招生计划 (enrollment plans) and 进展 (target vs actual) of technical schools"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class OpenApiDefinition extends Application {
}
