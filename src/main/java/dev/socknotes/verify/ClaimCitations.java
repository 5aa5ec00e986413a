package dev.socknotes.verify;

import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.internal.Suggest;
import dev.socknotes.snippet.ParsedPage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the ledger meets the prose: every {@code [](claim:ID)} names a claim of the ledger, and
 * every claim of the ledger is cited by the prose (Parity makes both languages cite the same ones).
 */
public final class ClaimCitations {

    /**
     * @param pages          the parsed pages, both languages
     * @param everyClaimCited whether the pages are the whole site, so that a claim none of them cites is an error
     * @param display        the ledger's path as errors show it
     */
    public List<Diagnostic> check(List<ClaimLedger.Claim> claims, List<ParsedPage> pages, boolean everyClaimCited, Path display) {
        Set<String> ids = claims.stream().map(ClaimLedger.Claim::id).collect(Collectors.toSet());
        List<Diagnostic> errors = new java.util.ArrayList<>();
        Set<String> cited = new HashSet<>();
        for (ParsedPage page : pages) {
            for (ParsedPage.ClaimRef ref : page.claimRefs()) {
                cited.add(ref.claimId());
                if (!ids.contains(ref.claimId())) {
                    var src = page.page().source();
                    String hint = Suggest.closest(ref.claimId(), ids).map(s -> "; did you mean '" + s + "'?").orElse("");
                    errors.add(Diagnostic.error(src.path(), ref.line(), ref.column(), "unknown claim '" + ref.claimId()
                            + "': " + display + " has no claim with this id" + hint, src.line(ref.line())));
                }
            }
        }
        if (everyClaimCited) {
            for (ClaimLedger.Claim c : claims) {
                if (!cited.contains(c.id())) {
                    errors.add(Diagnostic.error(display, c.line(), 1, "claim " + c.id() + " is cited nowhere in the prose: add [](claim:"
                            + c.id() + ") to the paragraph that states it, in both languages"));
                }
            }
        }
        return errors;
    }
}
