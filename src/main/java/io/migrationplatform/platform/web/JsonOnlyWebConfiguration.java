package io.migrationplatform.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;

/**
 * The API speaks JSON (plus multipart uploads and the login form). Spring registers a YAML converter because
 * jackson-dataformat-yaml is on the class path (springdoc's), but that converter has none of the JSON mapper's
 * settings — no snake_case, unknown fields accepted — so a YAML body would bypass validation. It is removed:
 * YAML bodies get a 415 like any other unsupported type.
 */
@Configuration
class JsonOnlyWebConfiguration implements WebMvcConfigurer {

    /**
     * A field sent twice ({"role": "viewer", "role": "admin"}) is refused, not resolved by taking the last: parsers
     * disagree on which one wins, so a proxy or validator in front may have checked the other one.
     */
    @Bean
    JsonMapperBuilderCustomizer strictDuplicateDetection() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(converter -> converter.getSupportedMediaTypes().stream()
                .anyMatch(JsonOnlyWebConfiguration::isYaml)));
    }

    private static boolean isYaml(MediaType type) {
        return type.getSubtype().equals("yaml") || type.getSubtype().endsWith("+yaml") || type.getSubtype().equals("x-yaml");
    }
}
