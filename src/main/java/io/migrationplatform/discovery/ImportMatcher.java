package io.migrationplatform.discovery;

import io.migrationplatform.assets.Asset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Identity of imported rows: which rows of a file are the same server, and which existing asset a
 * row is. Keys, strongest first: external id; FQDN or host name (case and surrounding spaces
 * ignored, so two rows sharing a host name are one server even when their ids differ); the IP
 * address when a row has neither; the name when a row has no other key at all.
 */
final class ImportMatcher<T> {

    private final Map<String, T> byKey = new HashMap<>();

    static List<String> keys(Object externalId, Object fqdn, Object hostname, Object ips, Object name) {
        List<String> keys = new ArrayList<>();
        add(keys, "ext:", externalId);
        add(keys, "host:", fqdn);
        add(keys, "host:", hostname);
        if (fqdn instanceof String f && f.contains(".")) {
            add(keys, "host:", f.substring(0, f.indexOf('.')));
        }
        if (keys.isEmpty() && ips instanceof List<?> list && !list.isEmpty()) {
            add(keys, "ip:", list.get(0));
        }
        if (keys.isEmpty()) {
            add(keys, "name:", name);
        }
        return keys;
    }

    static List<String> keys(Asset a) {
        return keys(a.externalId(), a.fqdn(), a.hostname(), a.ipAddresses(), a.name());
    }

    static List<String> keys(Map<String, Object> body) {
        return keys(body.get("external_id"), body.get("fqdn"), body.get("hostname"), body.get("ip_addresses"), body.get("name"));
    }

    private static void add(List<String> keys, String prefix, Object value) {
        if (value instanceof String s && !s.isBlank()) {
            String key = prefix + s.strip().toLowerCase(Locale.ROOT);
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
    }

    /** The first item registered under any of these keys. */
    T find(List<String> keys) {
        for (String key : keys) {
            T found = byKey.get(key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    void register(List<String> keys, T item) {
        keys.forEach(k -> byKey.putIfAbsent(k, item));
    }

    /** Reference lookup for dependency columns: external id, name, host name, FQDN or IP as written in the file. */
    static final class References {
        private final Map<String, UUID> ids = new HashMap<>();

        void add(UUID assetId, Object... names) {
            for (Object n : names) {
                if (n instanceof String s && !s.isBlank()) {
                    ids.putIfAbsent(s.strip().toLowerCase(Locale.ROOT), assetId);
                } else if (n instanceof List<?> list) {
                    list.forEach(item -> add(assetId, item));
                }
            }
        }

        UUID resolve(String reference) {
            return ids.get(reference.strip().toLowerCase(Locale.ROOT));
        }
    }
}
