package io.migrationplatform.platform.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON input rules for every request body. NUL characters are refused in every string field: no
 * field of ours can hold one, and PostgreSQL rejects them (which would otherwise surface as a 500).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    static final String NUL_MESSAGE = "NUL characters are not allowed";

    @Bean
    JacksonModule nulRejectingStrings() {
        return new SimpleModule("nul-rejecting-strings").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) {
                String value = super.deserialize(parser, context);
                if (value != null && value.indexOf('\u0000') >= 0) {
                    throw context.weirdStringException(value, String.class, NUL_MESSAGE);
                }
                return value;
            }
        });
    }
}
