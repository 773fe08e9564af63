package io.migrationplatform.assets;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Counts the cycles of a directed graph — strongly connected components of more than one vertex, as
 * {@link DependencyService#graph} reports them — from its edges alone, on int ids: an import's hundreds
 * of thousands of edges take a few arrays instead of a graph object per vertex and edge. Tarjan's
 * algorithm, iterative (no recursion, so no stack overflow on a long dependency chain).
 */
final class CycleCounter {

    private final Map<UUID, Integer> ids = new HashMap<>();
    private int[] from = new int[1024];
    private int[] to = new int[1024];
    private int edges;

    void add(UUID source, UUID target) {
        if (edges == from.length) {
            from = Arrays.copyOf(from, edges * 2);
            to = Arrays.copyOf(to, edges * 2);
        }
        from[edges] = id(source);
        to[edges] = id(target);
        edges++;
    }

    private int id(UUID vertex) {
        Integer id = ids.get(vertex);
        if (id == null) {
            id = ids.size();
            ids.put(vertex, id);
        }
        return id;
    }

    int cycles() {
        int n = ids.size();
        // Adjacency as compressed rows: the targets of vertex v are next[first[v]] .. next[first[v + 1] - 1].
        int[] first = new int[n + 1];
        for (int e = 0; e < edges; e++) {
            first[from[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            first[v + 1] += first[v];
        }
        int[] next = new int[edges];
        int[] fill = Arrays.copyOf(first, n);
        for (int e = 0; e < edges; e++) {
            next[fill[from[e]]++] = to[e];
        }
        return tarjan(n, first, next);
    }

    private static int tarjan(int n, int[] first, int[] next) {
        int[] index = new int[n];
        Arrays.fill(index, -1);
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int[] callVertex = new int[n];
        int[] callEdge = new int[n];
        int top = 0;
        int counter = 0;
        int cycles = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callVertex[0] = root;
            callEdge[0] = first[root];
            index[root] = low[root] = counter++;
            stack[top++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callVertex[depth];
                if (callEdge[depth] < first[v + 1]) {
                    int w = next[callEdge[depth]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[top++] = w;
                        onStack[w] = true;
                        depth++;
                        callVertex[depth] = w;
                        callEdge[depth] = first[w];
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    int size = 0;
                    int w;
                    do {
                        w = stack[--top];
                        onStack[w] = false;
                        size++;
                    } while (w != v);
                    cycles += size > 1 ? 1 : 0;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callVertex[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        return cycles;
    }
}
