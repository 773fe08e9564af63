package io.migrationplatform.support;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A DataSource that counts the statements prepared or created on its connections: for query-count tests. */
public final class CountingDataSource {

    private CountingDataSource() {
    }

    public static DataSource wrap(DataSource dataSource, AtomicInteger statements) {
        return (DataSource) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(dataSource, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {Connection.class},
                                (p, m, a) -> {
                                    if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
                                        statements.incrementAndGet();
                                    }
                                    return m.invoke(connection, a);
                                });
                    }
                    return result;
                });
    }
}
