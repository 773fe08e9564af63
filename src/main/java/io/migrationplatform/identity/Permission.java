package io.migrationplatform.identity;

import com.fasterxml.jackson.annotation.JsonValue;

/** The seed's permissions, with their wire names. */
public enum Permission {
    READ_ASSETS("read:assets"),
    WRITE_ASSETS("write:assets"),
    DELETE_ASSETS("delete:assets"),
    ADMIN_ACCESS("admin:access"),
    FLOW_EXECUTE("flow:execute"),
    AGENT_MANAGE("agent:manage");

    private final String value;

    Permission(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
