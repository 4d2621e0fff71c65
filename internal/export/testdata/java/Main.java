package org.faceidmsg.test;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;

// Runs the exported FaceIdMsg accessor: for each "ns code" argument pair,
// prints a line "text|hint|CATEGORY|retryable|code" with the resources'
// names read back from the R class aapt2 generated (the accessor itself
// holds only their ids).
public final class Main {
    public static void main(String[] args) throws Exception {
        Map<Integer, String> names = new HashMap<>();
        for (Field f : R.string.class.getFields()) {
            names.put(f.getInt(null), f.getName());
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < args.length; i += 2) {
            FaceIdMsg.Entry e = FaceIdMsg.lookup(args[i], args[i + 1]);
            out.append(names.get(e.text)).append('|')
               .append(e.hint == 0 ? "" : names.get(e.hint)).append('|')
               .append(e.category).append('|')
               .append(e.retryable).append('|')
               .append(e.code).append('\n');
        }
        System.out.print(out);
    }
}
