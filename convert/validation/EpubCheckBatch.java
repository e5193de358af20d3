// Runs EPUBCheck on many books in one JVM (see convert/validation/epubcheck.py).
// Usage: java [-Dnewsconvert.usage=true] -cp epubcheck.jar EpubCheckBatch.java OUTDIR BOOK...
// Writes OUTDIR/<n>.json, EPUBCheck's JSON report for the n-th book (1-based);
// with newsconvert.usage set, EPUBCheck's usage messages (best practice) are reported too.
import com.adobe.epubcheck.tool.EpubChecker;
import java.io.File;

public class EpubCheckBatch {
    public static void main(String[] args) {
        boolean usage = Boolean.getBoolean("newsconvert.usage");
        for (int i = 1; i < args.length; i++) {
            String report = new File(args[0], i + ".json").getPath();
            String[] options = usage
                ? new String[] {args[i], "--usage", "-q", "--json", report}
                : new String[] {args[i], "-q", "--json", report};
            new EpubChecker().run(options);
        }
    }
}
