package io.migrationplatform.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

class PrefixFilteredHandlerMappingTest {

    private static RequestMappingInfo.BuilderConfiguration config() {
        RequestMappingInfo.BuilderConfiguration config = new RequestMappingInfo.BuilderConfiguration();
        config.setPatternParser(new PathPatternParser());
        return config;
    }

    @Test
    void theLiteralBeginningStopsAtTheFirstVariableOrWildcard() {
        assertThat(PrefixFilteredHandlerMapping.literalPrefix("/api/v1/assets/{asset_id}")).isEqualTo("/api/v1/assets");
        assertThat(PrefixFilteredHandlerMapping.literalPrefix("/api/v1/assets/summary")).isEqualTo("/api/v1/assets/summary");
        // "/actuator/**" and "/files/{*path}" match "/actuator" and "/files" too: no trailing slash in the prefix.
        assertThat(PrefixFilteredHandlerMapping.literalPrefix("/actuator/**")).isEqualTo("/actuator");
        assertThat(PrefixFilteredHandlerMapping.literalPrefix("/files/{*path}")).isEqualTo("/files");
        assertThat(PrefixFilteredHandlerMapping.literalPrefix("/files/a?c")).isEqualTo("/files/a");
        assertThat(PrefixFilteredHandlerMapping.literalPrefix("/{*rest}")).isEmpty();
    }

    @Test
    void everyPatternOfAMappingCountsAndAMappingWithoutPatternsMatchesAnyPath() {
        RequestMappingInfo two = RequestMappingInfo.paths("/api/v1/assets/{id}", "/api/v1/asset-inventory/{id}").options(config()).build();
        assertThat(PrefixFilteredHandlerMapping.literalPrefixes(two)).containsExactlyInAnyOrder("/api/v1/assets", "/api/v1/asset-inventory");
        RequestMappingInfo none = RequestMappingInfo.paths().options(config()).build();
        assertThat(PrefixFilteredHandlerMapping.literalPrefixes(none)).allMatch(p -> "/anything".startsWith(p));
    }
}
