"""QCodes <-> URIs by the schemes of IPTC's catalog (version 41), with no file at run time.

A QCode (``medtop:20000763``) means something only through a catalog that
declares its alias; a URI means the same everywhere.  The writers put a
QCode only where the alias is one of :data:`IPTC_SCHEMES` (the catalog every
NewsML-G2 item we write references), and a full URI otherwise; ninjs, which
has no catalogs, always gets the URI.  ``tests/formats/test_ninjs_tables.py`` checks
this table against the catalog file in ``../shared/standards``.
"""

from __future__ import annotations

#: Alias -> scheme URI, every scheme of catalog.IPTC-G2-Standards_41.xml.
IPTC_SCHEMES: dict[str, str] = {
    "a1312cat": "http://cvx.iptc.org/anpa1312-category/",
    "a1312prio": "http://cvx.iptc.org/anpa1312-priority/",
    "a1312svc": "http://cvx.iptc.org/anpa1312-servicelevel/",
    "a1312vers": "http://cvx.iptc.org/anpa1312-version/",
    "acdc": "http://cv.iptc.org/newscodes/audiocodec/",
    "altidrole": "http://cv.iptc.org/newscodes/altidrole/",
    "aoprop": "http://cv.iptc.org/newscodes/aoproperty/",
    "app": "http://cv.iptc.org/newscodes/application/",
    "aspfacet": "http://cv.iptc.org/newscodes/asportfacet/",
    "aspfacetvalue": "http://cv.iptc.org/newscodes/asportfacetvalue/",
    "authoritystatus": "http://cv.iptc.org/newscodes/authoritystatus/",
    "bcp47": "http://cvx.iptc.org/bcp47/",
    "catinat": "http://cv.iptc.org/newscodes/catinature/",
    "chprop": "http://cv.iptc.org/newscodes/characteristicsproperty/",
    "cinat": "http://cv.iptc.org/newscodes/cinature/",
    "ciprol": "http://cv.iptc.org/newscodes/contactinfopartrole/",
    "colin": "http://cv.iptc.org/newscodes/colourindicator/",
    "colsp": "http://cv.iptc.org/newscodes/colorspace/",
    "conf": "http://cv.iptc.org/newscodes/confidence/",
    "cpnat": "http://cv.iptc.org/newscodes/cpnature/",
    "cpprole": "http://cv.iptc.org/newscodes/contentprodpartyrole/",
    "cptdefrole": "http://cv.iptc.org/newscodes/conceptdefinitionrole",
    "cptnoterole": "http://cv.iptc.org/newscodes/conceptnoterole/",
    "crel": "http://cv.iptc.org/newscodes/conceptrelation/",
    "ctech": "http://cv.iptc.org/newscodes/commtech/",
    "ctrol": "http://cv.iptc.org/newscodes/contributorrole/",
    "cusip": "http://cvx.iptc.org/cusip/",
    "cwarn": "http://cv.iptc.org/newscodes/contentwarning/",
    "dbpedia": "http://dbpedia.org/resource/",
    "digsrctype": "http://cv.iptc.org/newscodes/digitalsourcetype/",
    "dimensionunit": "http://cv.iptc.org/newscodes/dimensionunit/",
    "drol": "http://cv.iptc.org/newscodes/descriptionrole/",
    "dummy": "http://cv.iptc.org/newscodes/dummy/",
    "ecirol": "http://cv.iptc.org/newscodes/eventcontactinforole/",
    "edconf": "http://cv.iptc.org/newscodes/eventdateconfirm/",
    "ednoterole": "http://cv.iptc.org/newscodes/ednoterole",
    "encd": "http://cv.iptc.org/newscodes/encoding/",
    "entityprop": "http://cv.iptc.org/newscodes/entityproperty/",
    "eocstat": "http://cv.iptc.org/newscodes/eventoccurstatus/",
    "eorol": "http://cv.iptc.org/newscodes/eventorganiserrole/",
    "eprol": "http://cv.iptc.org/newscodes/eventparticipantrole/",
    "eregrol": "http://cv.iptc.org/newscodes/eventregrole/",
    "erol": "http://cv.iptc.org/newscodes/edrole/",
    "figi": "http://cvx.iptc.org/figi/",
    "fisymtype": "http://cv.iptc.org/newscodes/financialinstrumentsymboltype/",
    "freebase": "http://www.freebase.com",
    "frmt": "http://cv.iptc.org/newscodes/format/",
    "gen": "http://cv.iptc.org/newscodes/generic/",
    "genre": "http://cv.iptc.org/newscodes/genre/",
    "geonames": "http://sws.geonames.org/",
    "geonameshttps": "https://sws.geonames.org/",
    "gics": "http://cvx.iptc.org/gics/",
    "googletopicsv1": "http://cvx.iptc.org/googletopicsv1/",
    "googletopicsv2": "http://cvx.iptc.org/googletopicsv2/",
    "hashscope": "http://cv.iptc.org/newscodes/hashscope/",
    "hashtype": "http://cv.iptc.org/newscodes/hashtype/",
    "hatarget": "http://cv.iptc.org/newscodes/hopactiontarget/",
    "hopaction": "http://cv.iptc.org/newscodes/hopaction/",
    "howextr": "http://cv.iptc.org/newscodes/howextracted/",
    "howpr": "http://cv.iptc.org/newscodes/howpresent/",
    "iabadproduct10": "http://cvx.iptc.org/iabadproduct10/",
    "iabadproduct20": "http://cvx.iptc.org/iabadproduct20/",
    "iabaudience10": "http://cvx.iptc.org/iabaudience10/",
    "iabcontent20": "http://cvx.iptc.org/iabcontent20/",
    "iabcontent21": "http://cvx.iptc.org/iabcontent21/",
    "iabcontent22": "http://cvx.iptc.org/iabcontent22/",
    "iabcontent30": "http://cvx.iptc.org/iabcontent30/",
    "ikos": "http://cv.iptc.org/newscodes/ikos/",
    "imgregrole": "http://cv.iptc.org/newscodes/imageregionrole/",
    "imgregtype": "http://cv.iptc.org/newscodes/imageregiontype/",
    "impt": "http://cv.iptc.org/newscodes/importance/",
    "irel": "http://cv.iptc.org/newscodes/itemrelation/",
    "irep": "http://cv.iptc.org/newscodes/itemrepresentation/",
    "isin": "http://cvx.iptc.org/isin/",
    "iso3166-1a2": "http://cvx.iptc.org/iso3166-1a2/",
    "iso3166-1a3": "http://cvx.iptc.org/iso3166-1a3/",
    "iso3166-2": "http://cvx.iptc.org/iso3166-2/",
    "iso4217a": "http://cvx.iptc.org/iso4217a/",
    "iso4217n": "http://cvx.iptc.org/iso4217n/",
    "isrol": "http://cv.iptc.org/newscodes/infosourcerole/",
    "ivqu": "http://cv.iptc.org/newscodes/videoqualifier/",
    "lbtyp": "http://cv.iptc.org/newscodes/labeltype/",
    "loctyp": "http://cv.iptc.org/newscodes/location/",
    "loutorient": "http://cv.iptc.org/newscodes/layoutorientation/",
    "lrol": "http://cv.iptc.org/newscodes/languagerole/",
    "mb-artist": "http://musicbrainz.org/artist/",
    "mb-label": "http://musicbrainz.org/label/",
    "mb-recording": "http://musicbrainz.org/recording/",
    "mb-release": "http://musicbrainz.org/release/",
    "mb-releasegroup": "http://musicbrainz.org/release-group/",
    "mb-work": "http://musicbrainz.org/work/",
    "medtop": "http://cv.iptc.org/newscodes/mediatopic/",
    "medtype": "http://cv.iptc.org/newscodes/mediatype1/",
    "mic": "http://cvx.iptc.org/iso10383-mic/",
    "mtyp": "http://cv.iptc.org/newscodes/mediatype/",
    "ncostat": "http://cv.iptc.org/newscodes/newscoveragestatus/",
    "ninat": "http://cv.iptc.org/newscodes/ninature/",
    "nityp": "http://cv.iptc.org/newscodes/newsitemtype/",
    "nmsig": "http://cv.iptc.org/newscodes/newsmsgsignal/",
    "not": "http://cv.iptc.org/newscodes/notation/",
    "nprod": "http://cv.iptc.org/newscodes/newsproduct/",
    "nprov": "http://cv.iptc.org/newscodes/newsprovider/",
    "nprt": "http://cv.iptc.org/newscodes/namepart/",
    "nrol": "http://cv.iptc.org/newscodes/namerole/",
    "oito": "http://cv.iptc.org/newscodes/ofinterestto/",
    "parasport": "http://cvx.iptc.org/parasport/",
    "pgrmod": "http://cv.iptc.org/newscodes/pkggroupmode/",
    "plinat": "http://cv.iptc.org/newscodes/plinature/",
    "plus": "http://ns.useplus.org/ldf/vocab/",
    "prio": "http://cv.iptc.org/newscodes/priority/",
    "prodgenre": "http://cv.iptc.org/newscodes/productgenre/",
    "prop": "http://cv.iptc.org/newscodes/property/",
    "prov": "http://cv.iptc.org/newscodes/provider/",
    "pst1": "http://cv.iptc.org/newscodes/status1/",
    "rcalctype": "http://cv.iptc.org/newscodes/rcalctype/",
    "rel": "http://cv.iptc.org/newscodes/relevance/",
    "riaspect": "http://cv.iptc.org/newscodes/riaspect/",
    "rightsprop": "http://cv.iptc.org/newscodes/rightsproperty/",
    "riscope": "http://cv.iptc.org/newscodes/riscope/",
    "rnd": "http://cv.iptc.org/newscodes/rendition/",
    "role1": "http://cv.iptc.org/newscodes/role1/",
    "rscaleunit": "http://cv.iptc.org/newscodes/rscaleunit/",
    "rtype": "http://cv.iptc.org/newscodes/ratertype/",
    "scn": "http://cv.iptc.org/newscodes/scene/",
    "secst": "http://cvx.iptc.org/secst/",
    "sedol": "http://cvx.iptc.org/sedol/",
    "sev": "http://cv.iptc.org/newscodes/severity/",
    "sig": "http://cv.iptc.org/newscodes/signal/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "sov": "http://cv.iptc.org/newscodes/videoscaling/",
    "squ": "http://cv.iptc.org/newscodes/subjectqualifier/",
    "stat": "http://cv.iptc.org/newscodes/pubstatusg2/",
    "subj": "http://cv.iptc.org/newscodes/subjectcode/",
    "ticker": "http://cvx.iptc.org/ticker/",
    "tidm": "http://cvx.iptc.org/tidm/",
    "timeunit": "http://cv.iptc.org/newscodes/timeunit/",
    "tone": "http://cv.iptc.org/newscodes/tone/",
    "tpctyp": "http://cv.iptc.org/newscodes/topictype/",
    "trustindicator": "http://cv.iptc.org/newscodes/trustindicator/",
    "urgy": "http://cv.iptc.org/newscodes/urgency/",
    "useracttype": "http://cv.iptc.org/newscodes/useractiontype/",
    "valfmt": "http://cv.iptc.org/newscodes/valueformat/",
    "vcdc": "http://cv.iptc.org/newscodes/videocodec/",
    "videodef": "http://cv.iptc.org/newscodes/videodefinition/",
    "why": "http://cv.iptc.org/newscodes/whypresent/",
    "wikidata": "http://www.wikidata.org/entity/",
    "wldreg": "http://cv.iptc.org/newscodes/worldregion/",
}
_BY_URI = sorted(((uri, alias) for alias, uri in IPTC_SCHEMES.items()),
                 key=lambda pair: -len(pair[0]))


def qcode_to_uri(qcode: str) -> str | None:
    """The URI a QCode stands for, or None when its alias is not an IPTC scheme."""
    alias, sep, code = qcode.partition(":")
    base = IPTC_SCHEMES.get(alias) if sep else None
    return base + code if base is not None and code else None


def uri_to_qcode(uri: str) -> str | None:
    """The IPTC QCode for a URI in one of the catalog's schemes, else None."""
    for base, alias in _BY_URI:
        if uri.startswith(base) and len(uri) > len(base) and "/" not in uri[len(base):]:
            return f"{alias}:{uri[len(base):]}"
    return None


def is_iptc_qcode(qcode: str) -> bool:
    return qcode_to_uri(qcode) is not None


def is_newscode(qcode: str) -> bool:
    """Is ``qcode`` in one of IPTC's own NewsCodes vocabularies (not Wikidata, GeoNames...,
    which the catalog also names)?"""
    base = IPTC_SCHEMES.get(qcode.partition(":")[0], "")
    return base.startswith(("http://cv.iptc.org/", "http://cvx.iptc.org/"))
