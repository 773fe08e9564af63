package io.migrationplatform.tasks.scheduler;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Task data as JSON rather than db-scheduler's default Java serialization, which breaks as soon as
 * the class changes and can be read by nothing else.
 */
final class JsonTaskDataSerializer implements Serializer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public byte[] serialize(Object data) {
        return data == null ? null : JSON.writeValueAsBytes(data);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] serialized) {
        return serialized == null ? null : JSON.readValue(serialized, type);
    }
}
