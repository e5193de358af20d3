// Runs EPUBCheck on many books in one JVM (see convert/validation/epubcheck.py).
// Usage: java -cp epubcheck.jar EpubCheckBatch.java OUTDIR BOOK...
// Writes OUTDIR/<n>.json, EPUBCheck's JSON report for the n-th book (1-based).
import com.adobe.epubcheck.tool.EpubChecker;
import java.io.File;

public class EpubCheckBatch {
    public static void main(String[] args) {
        for (int i = 1; i < args.length; i++) {
            String report = new File(args[0], i + ".json").getPath();
            new EpubChecker().run(new String[] {args[i], "-q", "--json", report});
        }
    }
}
