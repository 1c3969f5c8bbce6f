#!/usr/bin/env python3
"""The Python baseline of bench/media.rs: what the usual Python stack costs for the work
konbit_media::analyse does on the same files — the article's text out of an HTML page
(trafilatura's extract, comments left out), the dates in it (dateparser's search_dates) and
the quantities (quantulum3's parser).

    media-baseline.py --setup                 check the packages; repair quantulum3's classifier
    media-baseline.py --cpu N DIR LIST        run over the files named in LIST (one a line)

The run pins itself to CPU N before importing anything (numpy and scikit-learn start threads
at import), and prints one line of key=value figures. Start-up (imports, the first call of each
library, which loads its data) is timed apart and not counted in the rate. Plain-text and
Markdown files are given to dateparser and quantulum3 as they are: trafilatura's extract is for
HTML. dateparser searches with the corpus's three languages named (en, fr, zh), as a monitor
configured for them would; without them it tries all of its two hundred locales.
"""

import os
import sys
import time

LANGUAGES = ["en", "fr", "zh"]


def setup():
    """Imports the three packages and makes sure quantulum3's unit classifier loads.

    quantulum3 ships its classifier as a scikit-learn pickle; when pip installs a newer
    scikit-learn than the one that wrote it, loading fails, and quantulum3's documented remedy
    is to train it again from the training set it ships (about half a minute). A marker file
    records the scikit-learn version it was trained with, so a reused virtualenv trains once.
    """
    import warnings

    warnings.simplefilter("ignore")
    import dateparser  # noqa: F401
    import quantulum3
    import sklearn
    import trafilatura  # noqa: F401
    from quantulum3 import classifier, parser

    marker = os.path.join(os.path.dirname(quantulum3.__file__), ".konbit-trained-sklearn-" + sklearn.__version__)
    if not os.path.exists(marker):
        try:
            parser.parse("The tank holds 30 gallons and the pound fell 2 pounds")
            print("quantulum3's shipped classifier loads with scikit-learn", sklearn.__version__)
        except Exception as e:  # the shipped pickle does not load with this scikit-learn
            print("quantulum3's shipped classifier does not load (%s: %s); training it again" % (type(e).__name__, e))
            classifier.train_classifier(store=True, n_jobs=1)
            parser.parse("The tank holds 30 gallons and the pound fell 2 pounds")
        with open(marker, "w") as f:
            f.write("ok\n")
    print("baseline ready")


def run(directory, listing):
    from importlib.metadata import version

    names = [line for line in open(listing, encoding="utf-8").read().splitlines() if line]
    t0 = time.perf_counter()
    import warnings

    warnings.simplefilter("ignore")
    import trafilatura
    from dateparser.search import search_dates
    from quantulum3 import parser

    # The first call of each loads its data (dateparser's locales, quantulum3's units and
    # classifier): start-up, not per-article work.
    trafilatura.extract("<html><body><article><p>" + "Warm-up sentence for the extractor. " * 20 + "</p></article></body></html>")
    search_dates("The mission began on 3 May 2024.", languages=LANGUAGES)
    parser.parse("The convoy drove 30 km with 200 officers.")
    startup = time.perf_counter() - t0

    nbytes = dates = quantities = errors = 0
    t0 = time.perf_counter()
    for name in names:
        with open(os.path.join(directory, name), "rb") as f:
            raw = f.read()
        nbytes += len(raw)
        try:
            page = raw.decode("utf-8")
            if page.lstrip().startswith("<"):
                text = trafilatura.extract(page, include_comments=False) or ""
            else:
                text = page
            dates += len(search_dates(text, languages=LANGUAGES) or [])
            quantities += len(parser.parse(text))
        except Exception:
            errors += 1
    secs = time.perf_counter() - t0

    import resource

    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    versions = ",".join("%s:%s" % (p, version(p)) for p in ("trafilatura", "dateparser", "quantulum3"))
    print(
        "konbit-bench-baseline articles=%d bytes=%d secs=%.6f startup=%.3f dates=%d quantities=%d errors=%d rss_kib=%d python=%s versions=%s"
        % (len(names), nbytes, secs, startup, dates, quantities, errors, rss_kib, sys.version.split()[0], versions)
    )


def main():
    args = sys.argv[1:]
    if args == ["--setup"]:
        setup()
        return 0
    if len(args) == 4 and args[0] == "--cpu":
        cpu = int(args[1])
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {cpu})
        run(args[2], args[3])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
