import com.adobe.epubcheck.tool.EpubChecker;
import java.io.File;

/**
 * Checks many EPUB files in one JVM (EPUBCheck's own command line takes one file).
 *
 * Usage: java -cp epubcheck.jar EpubCheckBatch.java REPORT_DIR BOOK.epub...
 * Writes REPORT_DIR/N.json (EPUBCheck's JSON report, usage messages on) for the Nth book.
 */
public class EpubCheckBatch {
    public static void main(String[] args) {
        File reports = new File(args[0]);
        for (int i = 1; i < args.length; i++) {
            File report = new File(reports, (i - 1) + ".json");
            new EpubChecker().run(new String[] {args[i], "--usage", "--quiet", "--json", report.getPath()});
        }
    }
}
