//! The Haiti gazetteer: the departments, communes and localities the mission talks about, the
//! critical sites (airports, port, fuel terminal, hospitals, prisons, government, mission bases),
//! named segments of the national roads RN1, RN2 and RN3, and Haiti's land outline, each with the
//! sources it was taken from.
//!
//! The data are files of the repository (`data/gazetteer/haiti/`, see its `README.md` for the
//! provenance of every coordinate and which ones are only approximate), embedded at compile
//! time and parsed once. This module owns reading them and the lookups over them: by code, by
//! name with loose matching (so ACLED's `admin1` spellings such as "Grande Anse" or
//! "Nord Ouest" resolve), and whether a point lies in Haiti. It does no I/O.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde::Deserialize;

const PLACES_CSV: &str = include_str!("../../../../data/gazetteer/haiti/places.csv");
const SITES_CSV: &str = include_str!("../../../../data/gazetteer/haiti/sites.csv");
const ROUTES_CSV: &str = include_str!("../../../../data/gazetteer/haiti/routes.csv");
const SOURCES_CSV: &str = include_str!("../../../../data/gazetteer/haiti/sources.csv");
const ADMIN_CSV: &str = include_str!("../../../../data/gazetteer/haiti/admin.csv");
const OUTLINE_GEOJSON: &str = include_str!("../../../../data/gazetteer/haiti/outline.geojson");

/// What a [`Place`] is in Haiti's administrative geography.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// One of the ten departments (ISO 3166-2 subdivisions).
    Department,
    /// A commune (municipality), inside an arrondissement of a department.
    Commune,
    /// A named place that is not a commune: a town, a neighbourhood, a communal section.
    Locality,
}

impl PlaceKind {
    /// The word used in the data files: `department`, `commune` or `locality`.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Department => "department",
            PlaceKind::Commune => "commune",
            PlaceKind::Locality => "locality",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [Self::Department, Self::Commune, Self::Locality]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// What a [`Site`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SiteKind {
    /// An airport or airstrip.
    Airport,
    /// A seaport.
    Port,
    /// A fuel storage terminal.
    FuelTerminal,
    /// A hospital.
    Hospital,
    /// A prison.
    Prison,
    /// A seat of government (palace, parliament).
    Government,
    /// A base of the mission.
    MissionBase,
    /// A police facility.
    Police,
}

impl SiteKind {
    /// The word used in the data files: `airport`, `port`, `fuel_terminal`, `hospital`,
    /// `prison`, `government`, `mission_base` or `police`.
    pub fn as_str(self) -> &'static str {
        match self {
            SiteKind::Airport => "airport",
            SiteKind::Port => "port",
            SiteKind::FuelTerminal => "fuel_terminal",
            SiteKind::Hospital => "hospital",
            SiteKind::Prison => "prison",
            SiteKind::Government => "government",
            SiteKind::MissionBase => "mission_base",
            SiteKind::Police => "police",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [
            Self::Airport,
            Self::Port,
            Self::FuelTerminal,
            Self::Hospital,
            Self::Prison,
            Self::Government,
            Self::MissionBase,
            Self::Police,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// A department, commune or locality.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// `HT-AR` for a department (ISO 3166-2), `HT-AR-saint-marc` for a commune or locality.
    pub code: String,
    /// Department, commune or locality.
    pub kind: PlaceKind,
    /// The usual French name, with its accents ("Pétion-Ville").
    pub name: String,
    /// ISO 3166-2 code of the department; a department's own code for a department.
    pub department: String,
    /// The arrondissement's name (empty for a department).
    pub arrondissement: String,
    /// Latitude, WGS 84 degrees.
    pub lat: f64,
    /// Longitude, WGS 84 degrees.
    pub lon: f64,
    /// How the point was chosen: `point` (a sourced point of this place), `capital-point` (a
    /// department placed at its capital), `commune-point` (placed at its commune's point
    /// because no point of its own was found).
    pub precision: String,
    /// Ids of [`GazetteerSource`]s.
    pub sources: Vec<String>,
}

/// A unit of OCHA's common operational dataset of administrative boundaries (COD-AB): a
/// department (adm1) or a commune (adm2), with its P-code, the key the humanitarian world joins
/// its tables on.
#[derive(Debug, Clone, PartialEq)]
pub struct AdminUnit {
    /// OCHA P-code: `HT01` for a department, `HT0111` for a commune.
    pub pcode: String,
    /// 1 (department) or 2 (commune).
    pub level: u8,
    /// The name as the COD spells it.
    pub name: String,
    /// ISO 3166-2 code of its department (its own for a department).
    pub department: String,
    /// Ids of [`GazetteerSource`]s.
    pub sources: Vec<String>,
}

/// A critical site: airport, port, fuel terminal, hospital, prison, government, mission base.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// Short stable code (`airport-mtpp`).
    pub code: String,
    /// What the site is.
    pub kind: SiteKind,
    /// Its name.
    pub name: String,
    /// Code of the commune ([`Place`]) it is in.
    pub commune: String,
    /// Latitude, WGS 84 degrees.
    pub lat: f64,
    /// Longitude, WGS 84 degrees.
    pub lon: f64,
    /// `point` (a sourced point of the site), `commune-point` (placed at its commune's point),
    /// `host-site-point` (placed at the point of the site that hosts it).
    pub precision: String,
    /// Ids of [`GazetteerSource`]s.
    pub sources: Vec<String>,
}

/// A named stretch of a national road, as a polyline through sourced place points: honest
/// about its precision, not a survey of the carriageway.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// `RN1-1`, `RN2-3`…
    pub code: String,
    /// The road: `RN1`, `RN2`, `RN3`.
    pub route: String,
    /// "Port-au-Prince – Canaan – Cabaret".
    pub name: String,
    /// Code of the [`Place`] it starts at.
    pub from: String,
    /// Code of the [`Place`] it ends at.
    pub to: String,
    /// The waypoints in order, as `(lon, lat)`.
    pub points: Vec<(f64, f64)>,
    /// Ids of [`GazetteerSource`]s.
    pub sources: Vec<String>,
}

/// Where a fact of the gazetteer comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerSource {
    /// The id the data files cite (`gn-3718426`, `wp-de-tabarre`).
    pub id: String,
    /// Title of the page, record or package.
    pub title: String,
    /// Who publishes it.
    pub publisher: String,
    /// Where it was read.
    pub url: String,
    /// Its licence, and what is taken from it.
    pub licence: String,
    /// When it was read (ISO date).
    pub accessed: String,
    /// What was taken from it.
    pub note: String,
}

/// The whole gazetteer of one country.
#[derive(Debug, Clone, PartialEq)]
pub struct Gazetteer {
    /// Departments, then communes, then localities.
    pub places: Vec<Place>,
    /// Critical sites.
    pub sites: Vec<Site>,
    /// Road segments.
    pub segments: Vec<Segment>,
    /// Departments and communes with their OCHA P-codes.
    pub admin: Vec<AdminUnit>,
    /// Every source cited above.
    pub sources: Vec<GazetteerSource>,
    /// The land outline: outer rings (mainland and islands), each closed, as `(lon, lat)`.
    pub outline: Vec<Vec<(f64, f64)>>,
    /// Bounding box of each ring of `outline`, same order.
    ring_boxes: Vec<BBox>,
    /// Bounding box of the whole outline.
    bbox: BBox,
    /// For each ring of `outline`, for each segment (vertex k to k + 1): whether it is the land
    /// boundary with the Dominican Republic rather than coast.
    border: Vec<Vec<bool>>,
}

/// Where the land boundary with the Dominican Republic meets the sea, `(lon, lat)` as the
/// outline has them: the mouth of the Massacre river on the north coast and of the Pedernales
/// at Anse-à-Pitres on the south coast. The boundary is the mainland ring's run between them on
/// the east; everything else is coast.
const BORDER_ENDS: [(f64, f64); 2] = [(-71.7577, 19.7096), (-71.7757, 18.0396)];

/// Haiti's territorial sea: 12 nautical miles from the coast (UNCLOS art. 3), in km.
pub const TERRITORIAL_SEA_KM: f64 = 12.0 * 1.852;

/// How far beyond the land boundary with the Dominican Republic (as the simplified outline draws
/// it) a point may lie and still count as in Haiti: border towns such as Ouanaminthe and
/// Belladère sit on it.
pub const BORDER_TOLERANCE_KM: f64 = 5.0;

/// Where a point lies with respect to Haiti.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Whereabouts {
    /// Inside the land outline.
    Land,
    /// At sea, this many km from the nearest coast.
    Sea(f64),
    /// Beyond the land boundary, this many km from it (in the Dominican Republic).
    Across(f64),
}

impl Whereabouts {
    /// Whether the point counts as in Haiti: on land, in its territorial sea, or within
    /// [`BORDER_TOLERANCE_KM`] of the land boundary.
    pub fn is_haitian(self) -> bool {
        match self {
            Whereabouts::Land => true,
            Whereabouts::Sea(km) => km <= TERRITORIAL_SEA_KM,
            Whereabouts::Across(km) => km <= BORDER_TOLERANCE_KM,
        }
    }
}

/// `(min_lon, min_lat, max_lon, max_lat)`.
type BBox = (f64, f64, f64, f64);

static HAITI: LazyLock<Gazetteer> = LazyLock::new(|| {
    match Gazetteer::parse(
        PLACES_CSV,
        SITES_CSV,
        ROUTES_CSV,
        SOURCES_CSV,
        OUTLINE_GEOJSON,
    )
    .and_then(|g| g.with_admin(ADMIN_CSV))
    {
        Ok(g) => g,
        Err(e) => panic!("embedded gazetteer data/gazetteer/haiti is invalid: {e}"),
    }
});

/// Haiti's gazetteer, parsed from the embedded files on first use.
pub fn haiti() -> &'static Gazetteer {
    &HAITI
}

/// Other spellings of department names met in datasets (ACLED, GeoNames, English and Haitian
/// Creole names). Matched with [`fold`], so case, accents, apostrophes, hyphens and spaces do
/// not matter.
const DEPARTMENT_ALIASES: &[(&str, &[&str])] = &[
    ("HT-AR", &["Latibonit"]),
    ("HT-CE", &["Center", "Sant", "Plateau Central"]),
    ("HT-GA", &["Grande Anse", "Grandans"]),
    ("HT-NI", &["Nip"]),
    ("HT-ND", &["North"]),
    ("HT-NE", &["North East", "Northeast", "Nodes"]),
    ("HT-NO", &["North West", "Northwest", "Nodwes"]),
    ("HT-OU", &["West", "Lwes"]),
    ("HT-SD", &["South", "Sid"]),
    ("HT-SE", &["South East", "Southeast", "Sides"]),
];

/// Words around a department's name that do not name it ("Département du Nord",
/// "Nord-Ouest Department"), already folded.
const DEPARTMENT_PREFIXES: &[&str] = &[
    "departementdela",
    "departementdel",
    "departementdu",
    "departementde",
    "departement",
    "departmentof",
    "department",
    "depatman",
];

impl Gazetteer {
    /// The ten departments.
    pub fn departments(&self) -> impl Iterator<Item = &Place> {
        self.places
            .iter()
            .filter(|p| p.kind == PlaceKind::Department)
    }

    /// Finds a department by ISO code or by name, ignoring case, accents, apostrophes, hyphens
    /// and spaces ("Grand'Anse", "Grande Anse", "grand-anse", "Nord Ouest", "HT-NO" all match),
    /// so ACLED's admin1 spellings resolve.
    pub fn department(&self, name_or_code: &str) -> Option<&Place> {
        // Most callers (every imported row) give the exact name or code: no folding then.
        if let Some(d) = self
            .departments()
            .find(|d| d.name == name_or_code || d.code == name_or_code)
        {
            return Some(d);
        }
        // An OCHA P-code (HT01), or the COD's spelling of the name.
        if let Some(u) = self.admin.iter().find(|u| {
            u.level == 1
                && (u.pcode.eq_ignore_ascii_case(name_or_code.trim())
                    || fold(&u.name) == fold(name_or_code))
        }) {
            return self.departments().find(|d| d.code == u.department);
        }
        let key = strip_department_words(&fold(name_or_code));
        if key.is_empty() {
            return None;
        }
        self.departments().find(|d| {
            fold(&d.code) == key
                || fold(&d.name) == key
                || DEPARTMENT_ALIASES
                    .iter()
                    .filter(|(code, _)| *code == d.code)
                    .flat_map(|(_, names)| names.iter())
                    .any(|alias| fold(alias) == key)
        })
    }

    /// A department's OCHA P-code (`HT01`), by its ISO 3166-2 code.
    pub fn department_pcode(&self, iso: &str) -> Option<&str> {
        self.admin
            .iter()
            .find(|u| u.level == 1 && u.department == iso)
            .map(|u| u.pcode.as_str())
    }

    /// A commune's OCHA P-code as given (`ht0111` → `HT0111`), if it is one: `HT`, its
    /// department's two digits, two more. Where `admin.csv` lists the communes of that
    /// department, the code must be one of them; where it lists none (no sourced commune list
    /// has been found yet), the form and the department are all that can be checked.
    pub fn commune_pcode(&self, pcode: &str) -> Option<String> {
        let code = pcode.trim().to_ascii_uppercase();
        if code.len() != 6
            || !code.starts_with("HT")
            || !code[2..].bytes().all(|b| b.is_ascii_digit())
            || &code[4..] == "00"
        {
            return None;
        }
        let department = self
            .admin
            .iter()
            .find(|u| u.level == 1 && u.pcode == code[..4])?;
        let mut listed = self
            .admin
            .iter()
            .filter(|u| u.level == 2 && u.department == department.department)
            .peekable();
        if listed.peek().is_some() && !listed.any(|u| u.pcode == code) {
            return None;
        }
        Some(code)
    }

    /// A name's matching key and the ISO code of the department given (by code or name); `None`
    /// when the name is empty or the department unknown, which then matches nothing.
    fn lookup_key(&self, name: &str, department: Option<&str>) -> Option<(String, Option<&str>)> {
        let key = fold(name);
        if key.is_empty() {
            return None;
        }
        let dept = match department {
            Some(d) => Some(self.department(d)?.code.as_str()),
            None => None,
        };
        Some((key, dept))
    }

    /// The commune of the COD by name (any spelling [`fold`] equates: Cap-Haïtien, Cap Haitien,
    /// CAP-HAITIEN), within a department when one is given (by code or name) — names repeat
    /// across departments.
    pub fn commune_unit(&self, name: &str, department: Option<&str>) -> Option<&AdminUnit> {
        let (key, dept) = self.lookup_key(name, department)?;
        // The COD gives some communes two names ("Cornillon / Grand Bois").
        let named = |u: &AdminUnit| u.name.split(" / ").any(|n| fold(n) == key);
        let mut found = self
            .admin
            .iter()
            .filter(|u| u.level == 2 && named(u) && dept.is_none_or(|d| u.department == d));
        let first = found.next()?;
        // Without a department, a name two departments share names neither.
        found.next().is_none().then_some(first)
    }

    /// The place with this code (`HT-OU`, `HT-OU-petion-ville`), ignoring case.
    pub fn place(&self, code: &str) -> Option<&Place> {
        self.places
            .iter()
            .find(|p| p.code.eq_ignore_ascii_case(code.trim()))
    }

    /// A commune or locality by name (same loose matching), optionally within a department code.
    /// The department may be given by code or by any name [`Gazetteer::department`] accepts;
    /// one it does not know matches nothing. A commune wins over a locality of the same name.
    pub fn place_named(&self, name: &str, department: Option<&str>) -> Option<&Place> {
        let (key, dept) = self.lookup_key(name, department)?;
        let matching = |kind: PlaceKind| {
            self.places.iter().find(|p| {
                p.kind == kind && fold(&p.name) == key && dept.is_none_or(|d| p.department == d)
            })
        };
        matching(PlaceKind::Commune).or_else(|| matching(PlaceKind::Locality))
    }

    /// The site with this code (`airport-mtpp`), ignoring case.
    pub fn site(&self, code: &str) -> Option<&Site> {
        self.sites
            .iter()
            .find(|s| s.code.eq_ignore_ascii_case(code.trim()))
    }

    /// The road segment with this code (`RN1-4`), ignoring case.
    pub fn segment(&self, code: &str) -> Option<&Segment> {
        self.segments
            .iter()
            .find(|s| s.code.eq_ignore_ascii_case(code.trim()))
    }

    /// (min_lon, min_lat, max_lon, max_lat) of the outline.
    pub fn bbox(&self) -> (f64, f64, f64, f64) {
        self.bbox
    }

    /// Whether a point counts as in Haiti (see [`Whereabouts::is_haitian`]).
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        lon.is_finite() && lat.is_finite() && self.whereabouts(lon, lat).is_haitian()
    }

    /// Where a point lies: on land, at sea (how far from the nearest coast), or across the land
    /// boundary (how far beyond it). Distances are computed on a local plane around the point
    /// (equirectangular), well under 1 % off at the tens of kilometres that matter here.
    pub fn whereabouts(&self, lon: f64, lat: f64) -> Whereabouts {
        let rings = || self.outline.iter().zip(self.ring_boxes.iter().copied());
        if rings().any(|(ring, b)| in_box(b, lon, lat) && ring_contains(ring, lon, lat)) {
            return Whereabouts::Land;
        }
        let kx = KM_PER_DEG_LAT * lat.to_radians().cos();
        let (mut coast, mut border) = (f64::INFINITY, f64::INFINITY);
        for (ring, marks) in self.outline.iter().zip(&self.border) {
            for (w, &on_border) in ring.windows(2).zip(marks) {
                let d = segment_km(w[0], w[1], lon, lat, kx);
                if on_border {
                    border = border.min(d);
                } else {
                    coast = coast.min(d);
                }
            }
        }
        if border < coast {
            Whereabouts::Across(border)
        } else {
            Whereabouts::Sea(coast)
        }
    }

    /// Adds the departments' and communes' P-codes (`admin.csv`: pcode, level, name,
    /// department, sources). Every department has exactly one; a commune's P-code begins with
    /// its department's; every source is cited in `sources.csv`.
    fn with_admin(mut self, admin_csv: &str) -> Result<Gazetteer, String> {
        let mut admin = Vec::new();
        for r in read_csv::<AdminRow>("admin.csv", admin_csv)? {
            let bad = |what: &str| format!("admin.csv: {}: {what}", r.pcode);
            let level = match r.level.as_str() {
                "adm1" => 1,
                "adm2" => 2,
                _ => return Err(bad("level must be adm1 or adm2")),
            };
            let digits = 2 * level as usize;
            if r.pcode.len() != 2 + digits
                || !r.pcode.starts_with("HT")
                || !r.pcode[2..].bytes().all(|b| b.is_ascii_digit())
            {
                return Err(bad("not a P-code of its level (HT01, HT0111)"));
            }
            if !self.departments().any(|d| d.code == r.department) {
                return Err(bad(&format!("unknown department {}", r.department)));
            }
            let sources: Vec<String> = r
                .sources
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            if sources.is_empty()
                || sources
                    .iter()
                    .any(|id| !self.sources.iter().any(|s| s.id == *id))
            {
                return Err(bad("cites no source, or one sources.csv lacks"));
            }
            admin.push(AdminUnit {
                pcode: r.pcode,
                level,
                name: r.name,
                department: r.department,
                sources,
            });
        }
        let pcodes: HashSet<&str> = admin.iter().map(|u| u.pcode.as_str()).collect();
        if pcodes.len() != admin.len() {
            return Err("admin.csv: duplicate P-code".into());
        }
        for d in self.departments() {
            let ones: Vec<&AdminUnit> = admin
                .iter()
                .filter(|u| u.level == 1 && u.department == d.code)
                .collect();
            if ones.len() != 1 {
                return Err(format!(
                    "admin.csv: {} has {} P-codes, not one",
                    d.code,
                    ones.len()
                ));
            }
        }
        for u in admin.iter().filter(|u| u.level == 2) {
            let parent = admin
                .iter()
                .find(|p| p.level == 1 && p.department == u.department)
                .map(|p| p.pcode.as_str());
            if parent.is_none_or(|p| !u.pcode.starts_with(p)) {
                return Err(format!(
                    "admin.csv: {}: does not begin with its department's P-code",
                    u.pcode
                ));
            }
        }
        self.admin = admin;
        Ok(self)
    }

    /// Parses the five files; every inconsistency (unknown kind, dangling reference, bad
    /// number) is an error naming the row.
    fn parse(
        places_csv: &str,
        sites_csv: &str,
        routes_csv: &str,
        sources_csv: &str,
        outline_geojson: &str,
    ) -> Result<Gazetteer, String> {
        let sources: Vec<GazetteerSource> = read_csv::<SourceRow>("sources.csv", sources_csv)?
            .into_iter()
            .map(|r| GazetteerSource {
                id: r.id,
                title: r.title,
                publisher: r.publisher,
                url: r.url,
                licence: r.licence,
                accessed: r.accessed,
                note: r.note,
            })
            .collect();
        let source_ids: HashSet<&str> = sources.iter().map(|s| s.id.as_str()).collect();
        if source_ids.len() != sources.len() {
            return Err("sources.csv: duplicate id".into());
        }
        let cite = |file: &str, code: &str, list: &str| -> Result<Vec<String>, String> {
            let ids: Vec<String> = list
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            if ids.is_empty() {
                return Err(format!("{file}: {code} cites no source"));
            }
            match ids.iter().find(|id| !source_ids.contains(id.as_str())) {
                Some(id) => Err(format!("{file}: {code} cites unknown source {id}")),
                None => Ok(ids),
            }
        };

        let mut places = Vec::new();
        for r in read_csv::<PlaceRow>("places.csv", places_csv)? {
            let kind = PlaceKind::parse(&r.kind)
                .ok_or_else(|| format!("places.csv: {}: unknown kind {}", r.code, r.kind))?;
            let department = match (kind, r.department.is_empty()) {
                (PlaceKind::Department, true) => r.code.clone(),
                _ => r.department,
            };
            check_coord("places.csv", &r.code, r.lat, r.lon)?;
            places.push(Place {
                sources: cite("places.csv", &r.code, &r.sources)?,
                code: r.code,
                kind,
                name: r.name,
                department,
                arrondissement: r.arrondissement,
                lat: r.lat,
                lon: r.lon,
                precision: r.precision,
            });
        }
        let codes: HashSet<&str> = places.iter().map(|p| p.code.as_str()).collect();
        if codes.len() != places.len() {
            return Err("places.csv: duplicate code".into());
        }
        for p in &places {
            let dept_ok = places
                .iter()
                .any(|d| d.kind == PlaceKind::Department && d.code == p.department);
            if !dept_ok {
                return Err(format!(
                    "places.csv: {}: unknown department {}",
                    p.code, p.department
                ));
            }
        }

        let mut sites = Vec::new();
        for r in read_csv::<SiteRow>("sites.csv", sites_csv)? {
            let kind = SiteKind::parse(&r.kind)
                .ok_or_else(|| format!("sites.csv: {}: unknown kind {}", r.code, r.kind))?;
            if !codes.contains(r.commune.as_str()) {
                return Err(format!(
                    "sites.csv: {}: unknown commune {}",
                    r.code, r.commune
                ));
            }
            check_coord("sites.csv", &r.code, r.lat, r.lon)?;
            sites.push(Site {
                sources: cite("sites.csv", &r.code, &r.sources)?,
                code: r.code,
                kind,
                name: r.name,
                commune: r.commune,
                lat: r.lat,
                lon: r.lon,
                precision: r.precision,
            });
        }

        let mut segments = Vec::new();
        for r in read_csv::<RouteRow>("routes.csv", routes_csv)? {
            for end in [&r.from, &r.to] {
                if !codes.contains(end.as_str()) {
                    return Err(format!("routes.csv: {}: unknown place {end}", r.code));
                }
            }
            let points = parse_points(&r.points)
                .ok_or_else(|| format!("routes.csv: {}: bad points {:?}", r.code, r.points))?;
            if points.len() < 2 {
                return Err(format!("routes.csv: {}: fewer than two points", r.code));
            }
            for (lon, lat) in &points {
                check_coord("routes.csv", &r.code, *lat, *lon)?;
            }
            segments.push(Segment {
                sources: cite("routes.csv", &r.code, &r.sources)?,
                code: r.code,
                route: r.route,
                name: r.name,
                from: r.from,
                to: r.to,
                points,
            });
        }

        let outline = parse_outline(outline_geojson)?;
        let ring_boxes: Vec<BBox> = outline.iter().map(|r| ring_box(r)).collect();
        let bbox = ring_boxes
            .iter()
            .copied()
            .reduce(|a, b| (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3)))
            .ok_or("outline.geojson: no ring")?;

        let border = border_segments(&outline);
        Ok(Gazetteer {
            places,
            sites,
            segments,
            admin: Vec::new(),
            sources,
            outline,
            ring_boxes,
            bbox,
            border,
        })
    }
}

/// The matching key used above: lowercase ASCII letters and digits only (accents folded: é→e,
/// è→e, ô→o, â→a, ï→i, ç→c, …).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
            'æ' => out.push_str("ae"),
            'ç' | 'ć' | 'č' => out.push('c'),
            'ď' | 'đ' => out.push('d'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => out.push('i'),
            'ñ' | 'ń' | 'ň' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => out.push('o'),
            'œ' => out.push_str("oe"),
            'ŕ' | 'ř' => out.push('r'),
            'ś' | 'š' | 'ş' => out.push('s'),
            'ß' => out.push_str("ss"),
            'ť' | 'ţ' => out.push('t'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            _ => {}
        }
    }
    out
}

fn strip_department_words(key: &str) -> String {
    let mut k = key;
    for p in DEPARTMENT_PREFIXES {
        if let Some(rest) = k.strip_prefix(p) {
            k = rest;
            break;
        }
    }
    for p in ["department", "departement"] {
        if let Some(rest) = k.strip_suffix(p) {
            k = rest;
            break;
        }
    }
    k.to_string()
}

#[derive(Deserialize)]
struct PlaceRow {
    code: String,
    kind: String,
    name: String,
    department: String,
    arrondissement: String,
    lat: f64,
    lon: f64,
    precision: String,
    sources: String,
}

#[derive(Deserialize)]
struct AdminRow {
    pcode: String,
    level: String,
    name: String,
    department: String,
    sources: String,
}

#[derive(Deserialize)]
struct SiteRow {
    code: String,
    kind: String,
    name: String,
    commune: String,
    lat: f64,
    lon: f64,
    precision: String,
    sources: String,
}

#[derive(Deserialize)]
struct RouteRow {
    code: String,
    route: String,
    name: String,
    from: String,
    to: String,
    points: String,
    sources: String,
}

#[derive(Deserialize)]
struct SourceRow {
    id: String,
    title: String,
    publisher: String,
    url: String,
    licence: String,
    accessed: String,
    note: String,
}

fn read_csv<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<Vec<T>, String> {
    csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes())
        .deserialize()
        .enumerate()
        .map(|(i, row)| row.map_err(|e| format!("{file}: record {}: {e}", i + 1)))
        .collect()
}

fn check_coord(file: &str, code: &str, lat: f64, lon: f64) -> Result<(), String> {
    if lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0 {
        Ok(())
    } else {
        Err(format!("{file}: {code}: bad coordinate {lat}, {lon}"))
    }
}

/// `lon lat;lon lat;…`
fn parse_points(s: &str) -> Option<Vec<(f64, f64)>> {
    s.split(';')
        .map(|pair| {
            let mut it = pair.split_whitespace();
            let lon = it.next()?.parse().ok()?;
            let lat = it.next()?.parse().ok()?;
            it.next().is_none().then_some((lon, lat))
        })
        .collect()
}

/// Outer rings of every Polygon / MultiPolygon of a GeoJSON FeatureCollection, Feature or
/// geometry.
fn parse_outline(text: &str) -> Result<Vec<Vec<(f64, f64)>>, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("outline.geojson: {e}"))?;
    let mut geometries = Vec::new();
    match value.get("type").and_then(|t| t.as_str()) {
        Some("FeatureCollection") => {
            for f in value
                .get("features")
                .and_then(|f| f.as_array())
                .ok_or("outline.geojson: no features")?
            {
                geometries.push(f.get("geometry").ok_or("outline.geojson: no geometry")?);
            }
        }
        Some("Feature") => geometries.push(
            value
                .get("geometry")
                .ok_or("outline.geojson: no geometry")?,
        ),
        _ => geometries.push(&value),
    }
    let mut rings = Vec::new();
    for g in geometries {
        let coords = g
            .get("coordinates")
            .ok_or("outline.geojson: geometry without coordinates")?;
        let polygons: Vec<&serde_json::Value> = match g.get("type").and_then(|t| t.as_str()) {
            Some("MultiPolygon") => coords
                .as_array()
                .ok_or("outline.geojson: bad MultiPolygon")?
                .iter()
                .collect(),
            Some("Polygon") => vec![coords],
            other => return Err(format!("outline.geojson: unsupported geometry {other:?}")),
        };
        for polygon in polygons {
            let outer = polygon
                .as_array()
                .and_then(|p| p.first())
                .and_then(|r| r.as_array())
                .ok_or("outline.geojson: polygon without outer ring")?;
            let ring = outer
                .iter()
                .map(|pos| {
                    let pos = pos.as_array()?;
                    Some((pos.first()?.as_f64()?, pos.get(1)?.as_f64()?))
                })
                .collect::<Option<Vec<(f64, f64)>>>()
                .ok_or("outline.geojson: bad position")?;
            if ring.len() < 4 {
                return Err("outline.geojson: ring with fewer than 4 positions".into());
            }
            rings.push(ring);
        }
    }
    Ok(rings)
}

fn ring_box(ring: &[(f64, f64)]) -> BBox {
    ring.iter().fold(
        (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ),
        |b, &(x, y)| (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y)),
    )
}

fn in_box(b: BBox, lon: f64, lat: f64) -> bool {
    lon >= b.0 && lat >= b.1 && lon <= b.2 && lat <= b.3
}

/// Even-odd ray casting.
fn ring_contains(ring: &[(f64, f64)], lon: f64, lat: f64) -> bool {
    let mut inside = false;
    for w in ring.windows(2) {
        let ((x1, y1), (x2, y2)) = (w[0], w[1]);
        if (y1 > lat) != (y2 > lat) && lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
    }
    inside
}

/// Whether the point is within `tol` degrees (planar) of the ring's boundary.
/// km per degree of latitude (and of longitude at the equator), near enough for Haiti's 18–20°N.
const KM_PER_DEG_LAT: f64 = 111.2;

/// Distance in km from `(lon, lat)` to the segment `a`–`b`, on the plane `x = lon · kx`,
/// `y = lat · KM_PER_DEG_LAT`.
fn segment_km(a: (f64, f64), b: (f64, f64), lon: f64, lat: f64, kx: f64) -> f64 {
    let p = |(x, y): (f64, f64)| ((x - lon) * kx, (y - lat) * KM_PER_DEG_LAT);
    let ((x1, y1), (x2, y2)) = (p(a), p(b));
    let (dx, dy) = (x2 - x1, y2 - y1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (-(x1 * dx + y1 * dy) / len2).clamp(0.0, 1.0)
    };
    (x1 + t * dx).hypot(y1 + t * dy)
}

/// Marks the segments of the land boundary: on the ring holding both [`BORDER_ENDS`], the run
/// between them that lies further east. An outline without them (a test's square) has no
/// boundary; the embedded outline's is checked by a test.
fn border_segments(outline: &[Vec<(f64, f64)>]) -> Vec<Vec<bool>> {
    let mut marks: Vec<Vec<bool>> = outline
        .iter()
        .map(|r| vec![false; r.len().saturating_sub(1)])
        .collect();
    let at = |ring: &[(f64, f64)], (x, y): (f64, f64)| {
        ring.iter()
            .position(|&(a, b)| (a - x).abs() < 1e-6 && (b - y).abs() < 1e-6)
    };
    let Some((k, i, j)) = outline
        .iter()
        .enumerate()
        .find_map(|(k, r)| Some((k, at(r, BORDER_ENDS[0])?, at(r, BORDER_ENDS[1])?)))
    else {
        return marks;
    };
    let ring = &outline[k];
    let n = ring.len() - 1;
    let (lo, hi) = (i.min(j), i.max(j));
    // The two runs between the ends: lo..hi, and hi..n then 0..lo.
    let inner: Vec<usize> = (lo..hi).collect();
    let outer: Vec<usize> = (hi..n).chain(0..lo).collect();
    let east =
        |run: &[usize]| run.iter().map(|&s| ring[s].0).sum::<f64>() / run.len().max(1) as f64;
    let run = if east(&inner) > east(&outer) {
        inner
    } else {
        outer
    };
    for s in run {
        marks[k][s] = true;
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        haiti()
    }

    #[test]
    fn every_reference_resolves() {
        let g = g();
        let source_ids: HashSet<&str> = g.sources.iter().map(|s| s.id.as_str()).collect();
        let cited = g
            .places
            .iter()
            .flat_map(|p| &p.sources)
            .chain(g.sites.iter().flat_map(|s| &s.sources))
            .chain(g.segments.iter().flat_map(|s| &s.sources));
        for id in cited {
            assert!(source_ids.contains(id.as_str()), "unknown source {id}");
        }
        for p in &g.places {
            let dept = g.place(&p.department).expect("department exists");
            assert_eq!(dept.kind, PlaceKind::Department, "{}", p.code);
            assert!(!p.sources.is_empty(), "{}", p.code);
            if p.kind != PlaceKind::Department {
                assert!(
                    !p.arrondissement.is_empty(),
                    "{} has no arrondissement",
                    p.code
                );
                assert!(
                    p.code.starts_with(&format!("{}-", p.department)),
                    "{}",
                    p.code
                );
            }
        }
        for s in &g.sites {
            let c = g.place(&s.commune).expect("site commune exists");
            assert_eq!(c.kind, PlaceKind::Commune, "{}", s.code);
        }
        for s in &g.segments {
            assert!(g.place(&s.from).is_some(), "{}", s.code);
            assert!(g.place(&s.to).is_some(), "{}", s.code);
            assert!(s.points.len() >= 2, "{}", s.code);
            assert!(s.code.starts_with(&format!("{}-", s.route)), "{}", s.code);
        }
        for s in &g.sources {
            assert!(s.url.starts_with("http"), "{}", s.id);
            assert!(!s.licence.is_empty(), "{}", s.id);
        }
    }

    #[test]
    fn codes_are_unique_and_kinds_round_trip() {
        let g = g();
        let mut seen = HashSet::new();
        for code in g
            .places
            .iter()
            .map(|p| &p.code)
            .chain(g.sites.iter().map(|s| &s.code))
            .chain(g.segments.iter().map(|s| &s.code))
        {
            assert!(seen.insert(code.as_str()), "duplicate code {code}");
        }
        for k in [
            PlaceKind::Department,
            PlaceKind::Commune,
            PlaceKind::Locality,
        ] {
            assert_eq!(PlaceKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(SiteKind::FuelTerminal.as_str(), "fuel_terminal");
        assert_eq!(SiteKind::parse("mission_base"), Some(SiteKind::MissionBase));
        assert_eq!(SiteKind::parse("castle"), None);
    }

    #[test]
    fn all_ten_departments() {
        let codes: Vec<&str> = g().departments().map(|d| d.code.as_str()).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            [
                "HT-AR", "HT-CE", "HT-GA", "HT-ND", "HT-NE", "HT-NI", "HT-NO", "HT-OU", "HT-SD",
                "HT-SE"
            ]
        );
        assert_eq!(
            g().place("HT-GA").map(|p| p.name.as_str()),
            Some("Grand'Anse")
        );
    }

    #[test]
    fn every_commune_of_artibonite_and_centre_is_there_with_its_department() {
        let artibonite = [
            "Gonaïves",
            "Ennery",
            "L'Estère",
            "Gros-Morne",
            "Anse-Rouge",
            "Terre-Neuve",
            "Marmelade",
            "Saint-Michel-de-l'Attalaye",
            "Saint-Marc",
            "Verrettes",
            "La Chapelle",
            "Liancourt",
            "Dessalines",
            "Desdunes",
            "Grande-Saline",
            "Petite-Rivière-de-l'Artibonite",
        ];
        let centre = [
            "Hinche",
            "Maïssade",
            "Thomonde",
            "Cerca-Carvajal",
            "Mirebalais",
            "Saut-d'Eau",
            "Boucan-Carré",
            "Lascahobas",
            "Belladère",
            "Savanette",
            "Cerca-la-Source",
            "Thomassique",
        ];
        for (dept, names) in [("HT-AR", &artibonite[..]), ("HT-CE", &centre[..])] {
            for name in names {
                let p = g()
                    .place_named(name, Some(dept))
                    .unwrap_or_else(|| panic!("{name} missing from {dept}"));
                assert_eq!(p.kind, PlaceKind::Commune, "{name}");
                assert_eq!(p.department, dept, "{name}");
                assert!(!p.arrondissement.is_empty(), "{name}");
            }
            let count = g()
                .places
                .iter()
                .filter(|p| p.kind == PlaceKind::Commune && p.department == dept)
                .count();
            assert_eq!(count, names.len(), "{dept}");
        }
    }

    #[test]
    fn port_au_prince_area_communes_are_there() {
        for name in [
            "Port-au-Prince",
            "Delmas",
            "Carrefour",
            "Pétion-Ville",
            "Kenscoff",
            "Cité Soleil",
            "Tabarre",
            "Gressier",
            "Croix-des-Bouquets",
            "Thomazeau",
            "Ganthier",
            "Cabaret",
            "Arcahaie",
            "Léogâne",
        ] {
            let p = g().place_named(name, Some("Ouest")).expect(name);
            assert_eq!(p.kind, PlaceKind::Commune, "{name}");
        }
        assert_eq!(
            g().place_named("petionville", None)
                .map(|p| p.code.as_str()),
            Some("HT-OU-petion-ville")
        );
        assert_eq!(
            g().place_named("Pont Sonde", Some("HT-AR")).map(|p| p.kind),
            Some(PlaceKind::Locality)
        );
        assert!(g().place_named("Pont-Sondé", Some("HT-OU")).is_none());
        assert!(g().place_named("Saint-Marc", Some("Atlantis")).is_none());
    }

    #[test]
    fn every_coordinate_is_in_haiti() {
        let g = g();
        for p in &g.places {
            assert!(g.contains(p.lon, p.lat), "place {} outside", p.code);
        }
        for s in &g.sites {
            assert!(g.contains(s.lon, s.lat), "site {} outside", s.code);
        }
        for s in &g.segments {
            for &(lon, lat) in &s.points {
                assert!(g.contains(lon, lat), "segment {} leaves Haiti", s.code);
            }
        }
    }

    #[test]
    fn the_territorial_sea_is_measured_from_the_coast_not_across_the_border() {
        let g = g();
        let sea = |lon, lat| match g.whereabouts(lon, lat) {
            Whereabouts::Sea(km) => km,
            other => panic!("({lon}, {lat}): {other:?}"),
        };
        assert_eq!(g.whereabouts(-72.3388, 18.5435), Whereabouts::Land);
        // Off Cap-Haïtien and off La Tortue, a few km out: inside the territorial sea.
        let cap = sea(-72.18, 19.82);
        assert!(cap > 1.0 && cap < TERRITORIAL_SEA_KM, "{cap}");
        let tortue = sea(-72.78, 20.12);
        assert!(tortue > 1.0 && tortue < TERRITORIAL_SEA_KM, "{tortue}");
        // Half a degree north of the north coast: about 50 km out, beyond it.
        let far = sea(-72.5, 20.4);
        assert!(far > 30.0 && far < 60.0, "{far}");
        // Miami: about 1,000 km.
        let miami = sea(-80.19, 25.77);
        assert!((900.0..1200.0).contains(&miami), "{miami}");
        // Santo Domingo and Dajabón are across the land boundary, however near the coast.
        for (lon, lat, lo, hi) in [(-69.93, 18.48, 150.0, 250.0), (-71.70, 19.55, 0.5, 10.0)] {
            match g.whereabouts(lon, lat) {
                Whereabouts::Across(km) => assert!((lo..hi).contains(&km), "({lon}, {lat}): {km}"),
                other => panic!("({lon}, {lat}): {other:?}"),
            }
        }
        // The boundary is one run of the mainland ring from the north coast to the south.
        let marked: usize = g.border.iter().flatten().filter(|b| **b).count();
        assert!((50..120).contains(&marked), "{marked}");
    }

    #[test]
    fn contains_tells_inside_from_outside() {
        let g = g();
        // Port-au-Prince.
        assert!(g.contains(-72.3388, 18.5435));
        // Île de la Gonâve, Île de la Tortue, Île-à-Vache are part of the outline.
        for (lon, lat) in [(-73.0, 18.85), (-72.8, 20.04), (-73.65, 18.08)] {
            assert_eq!(g.whereabouts(lon, lat), Whereabouts::Land, "({lon}, {lat})");
        }
        // Santo Domingo and Miami.
        assert!(!g.contains(-69.9, 18.47));
        assert!(!g.contains(-80.19, 25.76));
        // In the sea, about 0.027° north of the coast at Port-de-Paix: in the territorial sea.
        match g.whereabouts(-72.83, 19.97) {
            Whereabouts::Sea(km) => assert!(km > 1.0 && km < 5.0, "{km}"),
            other => panic!("{other:?}"),
        }
        assert!(g.contains(-72.83, 19.97));
        assert!(!g.contains(f64::NAN, 18.5));
        let (min_lon, min_lat, max_lon, max_lat) = g.bbox();
        assert!(min_lon < -74.4 && max_lon > -71.7 && min_lat < 18.05 && max_lat > 20.05);
    }

    #[test]
    fn department_matches_loose_spellings() {
        let g = g();
        for s in [
            "Grand'Anse",
            "Grande Anse",
            "grand-anse",
            "GRAND ANSE",
            "Grande’Anse",
            "HT-GA",
        ] {
            assert_eq!(
                g.department(s).map(|d| d.code.as_str()),
                Some("HT-GA"),
                "{s}"
            );
        }
        for s in [
            "Nord Ouest",
            "Nord-Ouest",
            "nordouest",
            "HT-NO",
            "ht-no",
            "North West",
        ] {
            assert_eq!(
                g.department(s).map(|d| d.code.as_str()),
                Some("HT-NO"),
                "{s}"
            );
        }
        assert_eq!(g.department("Nord").map(|d| d.code.as_str()), Some("HT-ND"));
        assert_eq!(
            g.department("Nord-Est").map(|d| d.code.as_str()),
            Some("HT-NE")
        );
        assert_eq!(
            g.department("Sud Est").map(|d| d.code.as_str()),
            Some("HT-SE")
        );
        assert_eq!(
            g.department("Département du Centre")
                .map(|d| d.code.as_str()),
            Some("HT-CE")
        );
        assert_eq!(
            g.department("Ouest Department").map(|d| d.code.as_str()),
            Some("HT-OU")
        );
        assert_eq!(
            g.department("Artibonite").map(|d| d.code.as_str()),
            Some("HT-AR")
        );
        assert!(g.department("Santo Domingo").is_none());
        assert!(g.department("").is_none());
        assert!(g.department("NO").is_none());
    }

    #[test]
    fn every_department_has_its_ocha_pcode_and_is_found_by_it() {
        let g = g();
        let want = [
            ("HT-OU", "HT01"),
            ("HT-SE", "HT02"),
            ("HT-ND", "HT03"),
            ("HT-NE", "HT04"),
            ("HT-AR", "HT05"),
            ("HT-CE", "HT06"),
            ("HT-SD", "HT07"),
            ("HT-GA", "HT08"),
            ("HT-NO", "HT09"),
            ("HT-NI", "HT10"),
        ];
        for (iso, pcode) in want {
            assert_eq!(g.department_pcode(iso), Some(pcode), "{iso}");
            assert_eq!(
                g.department(pcode).map(|d| d.code.as_str()),
                Some(iso),
                "{pcode}"
            );
            assert_eq!(
                g.department(&pcode.to_lowercase()).map(|d| d.code.as_str()),
                Some(iso)
            );
        }
        // The COD's own spelling, and ACLED's, find the same department.
        for s in ["Grande'Anse", "Grande-Anse", "GRANDE ANSE"] {
            assert_eq!(
                g.department(s).map(|d| d.code.as_str()),
                Some("HT-GA"),
                "{s}"
            );
        }
        assert!(g.department("HT11").is_none());
        assert!(g.admin.iter().all(|u| !u.sources.is_empty()));
    }

    #[test]
    fn a_commune_pcode_is_checked_against_its_department_and_the_list() {
        let g = g();
        assert_eq!(g.admin.iter().filter(|u| u.level == 2).count(), 140);
        assert_eq!(g.commune_pcode(" ht0111 ").as_deref(), Some("HT0111"));
        assert_eq!(g.commune_pcode("HT1011").as_deref(), Some("HT1011"));
        // Listed departments accept only their listed communes.
        for bad in [
            "HT0119", "HT1111", "HT0100", "HT011", "HT01111", "HT-OU", "XX0111", "HT01a1", "",
        ] {
            assert_eq!(g.commune_pcode(bad), None, "{bad}");
        }
        // A department whose communes are not listed is checked for form only.
        let unlisted = g
            .clone()
            .with_admin(ADMIN_HEADER)
            .expect("departments only");
        assert_eq!(unlisted.commune_pcode("HT0119").as_deref(), Some("HT0119"));
        assert_eq!(unlisted.commune_pcode("HT1111"), None);
        // Communes by any spelling; a name two departments share needs the department.
        let listed = g
            .clone()
            .with_admin(&format!(
                "{ADMIN_HEADER}HT0114,adm2,Petion-Ville,HT-OU,pkg-pycountry\n\
                 HT0821,adm2,Pétion-Ville,HT-GA,pkg-pycountry\n"
            ))
            .expect("a listed commune");
        for s in ["Pétion-Ville", "PETION VILLE", "petionville"] {
            assert_eq!(
                listed
                    .commune_unit(s, Some("Ouest"))
                    .map(|u| u.pcode.as_str()),
                Some("HT0114"),
                "{s}"
            );
        }
        assert_eq!(listed.commune_unit("Petion-Ville", None), None);
    }

    #[test]
    fn every_commune_of_the_gazetteer_has_its_ocha_pcode() {
        let g = g();
        // Created by the 2015 decree, after the COD's communes were drawn.
        let newer = ["Liancourt"];
        let mut missing = Vec::new();
        for p in g.places.iter().filter(|p| p.kind == PlaceKind::Commune) {
            match g.commune_unit(&p.name, Some(&p.department)) {
                Some(u) => assert!(
                    u.pcode
                        .starts_with(g.department_pcode(&p.department).unwrap_or("?"))
                ),
                None if newer.contains(&p.name.as_str()) => {}
                None => missing.push(p.name.clone()),
            }
        }
        assert!(
            missing.is_empty(),
            "communes the COD does not name alike: {missing:?}"
        );
        let pcode = |name: &str| g.commune_unit(name, None).map(|u| u.pcode.as_str());
        assert_eq!(pcode("Cité Soleil"), Some("HT0117"));
        assert_eq!(pcode("Cap-Haïtien"), Some("HT0311"));
        assert_eq!(pcode("Cap Haitien"), Some("HT0311"));
        assert_eq!(pcode("Cornillon"), Some("HT0134"));
    }

    /// `admin.csv`'s header and its ten departments, as embedded.
    const ADMIN_HEADER: &str = "pcode,level,name,department,sources\n\
        HT01,adm1,Ouest,HT-OU,pkg-pycountry\nHT02,adm1,Sud-Est,HT-SE,pkg-pycountry\n\
        HT03,adm1,Nord,HT-ND,pkg-pycountry\nHT04,adm1,Nord-Est,HT-NE,pkg-pycountry\n\
        HT05,adm1,Artibonite,HT-AR,pkg-pycountry\nHT06,adm1,Centre,HT-CE,pkg-pycountry\n\
        HT07,adm1,Sud,HT-SD,pkg-pycountry\nHT08,adm1,Grande'Anse,HT-GA,pkg-pycountry\n\
        HT09,adm1,Nord-Ouest,HT-NO,pkg-pycountry\nHT10,adm1,Nippes,HT-NI,pkg-pycountry\n";

    #[test]
    fn bad_admin_rows_are_refused_naming_the_row() {
        let g = g();
        let refused = |extra: &str| {
            g.clone()
                .with_admin(&format!("{ADMIN_HEADER}{extra}"))
                .expect_err("refused")
        };
        assert!(refused("HT0111,adm3,X,HT-OU,pkg-pycountry\n").contains("HT0111: level"));
        assert!(refused("HT011,adm2,X,HT-OU,pkg-pycountry\n").contains("not a P-code"));
        assert!(refused("HT0111,adm2,X,HT-XX,pkg-pycountry\n").contains("unknown department"));
        assert!(refused("HT0111,adm2,X,HT-OU,nowhere\n").contains("cites no source"));
        assert!(refused("HT0511,adm2,X,HT-OU,pkg-pycountry\n").contains("department's P-code"));
        assert!(refused("HT01,adm1,Ouest,HT-OU,pkg-pycountry\n").contains("duplicate"));
        assert!(refused("HT11,adm1,Ouest,HT-OU,pkg-pycountry\n").contains("HT-OU has 2 P-codes"));
        let without = ADMIN_HEADER.replace("HT10,adm1,Nippes,HT-NI,pkg-pycountry\n", "");
        let e = g.clone().with_admin(&without).expect_err("refused");
        assert!(e.contains("HT-NI has 0 P-codes"), "{e}");
    }

    #[test]
    fn places_match_their_spelling_variants() {
        let g = g();
        for s in [
            "Cap-Haïtien",
            "Cap-Haitien",
            "Cap Haitien",
            "CAP-HAÏTIEN",
            "cap haïtien",
        ] {
            assert_eq!(
                g.place_named(s, None).map(|p| p.name.as_str()),
                Some("Cap-Haïtien"),
                "{s}"
            );
        }
        for s in ["Petion-Ville", "Pétionville", "PETION VILLE"] {
            assert_eq!(
                g.place_named(s, Some("Ouest")).map(|p| p.name.as_str()),
                Some("Pétion-Ville"),
                "{s}"
            );
        }
        assert!(g.place_named("Pétion-Ville", Some("HT-AR")).is_none());
    }

    #[test]
    fn fold_folds_accents_and_punctuation() {
        assert_eq!(fold("Pétion-Ville"), "petionville");
        assert_eq!(fold("Gonaïves"), "gonaives");
        assert_eq!(fold("Léogâne"), "leogane");
        assert_eq!(fold("Grand'Anse"), "grandanse");
        assert_eq!(fold("Grande’Anse"), "grandeanse");
        assert_eq!(fold("Cap-Haïtien"), "caphaitien");
        assert_eq!(fold("Saint-Michel-de-l'Attalaye"), "saintmicheldelattalaye");
        assert_eq!(fold("Môle Saint-Nicolas"), "molesaintnicolas");
        assert_eq!(fold("Français è ù ç Œ"), "francaiseucoe");
        assert_eq!(fold("RN 1"), "rn1");
    }

    #[test]
    fn lookups_by_code() {
        let g = g();
        let mtpp = g.site("airport-mtpp").expect("MTPP");
        assert_eq!(mtpp.kind, SiteKind::Airport);
        assert_eq!(mtpp.commune, "HT-OU-tabarre");
        assert!(g.site("nope").is_none());
        let rn1 = g.segment("rn1-1").expect("RN1-1");
        assert_eq!(rn1.route, "RN1");
        assert_eq!(rn1.from, "HT-OU-port-au-prince");
        assert_eq!(g.segments.iter().filter(|s| s.route == "RN1").count(), 9);
        assert_eq!(g.segments.iter().filter(|s| s.route == "RN2").count(), 5);
        assert_eq!(g.segments.iter().filter(|s| s.route == "RN3").count(), 5);
        assert_eq!(
            g.place("ht-ou-petion-ville").map(|p| p.name.as_str()),
            Some("Pétion-Ville")
        );
    }

    #[test]
    fn bad_data_is_rejected_with_the_row() {
        let head = "code,kind,name,department,arrondissement,lat,lon,precision,sources\n";
        let sources =
            "id,title,publisher,url,licence,accessed,note\ns,t,p,https://x,l,2026-01-01,n\n";
        let sites = "code,kind,name,commune,lat,lon,precision,sources\n";
        let routes = "code,route,name,from,to,points,sources\n";
        let outline = r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#;
        let ok = format!("{head}HT-AR,department,Artibonite,HT-AR,,0.5,0.6,point,s\n");
        assert!(Gazetteer::parse(&ok, sites, routes, sources, outline).is_ok());
        let bad_kind = format!("{head}HT-AR,region,Artibonite,HT-AR,,0.5,0.6,point,s\n");
        let e = Gazetteer::parse(&bad_kind, sites, routes, sources, outline).err();
        assert!(e.is_some_and(|e| e.contains("unknown kind")));
        let bad_source = format!("{head}HT-AR,department,Artibonite,HT-AR,,0.5,0.6,point,zz\n");
        let e = Gazetteer::parse(&bad_source, sites, routes, sources, outline).err();
        assert!(e.is_some_and(|e| e.contains("unknown source zz")));
        let bad_route = format!("{routes}R-1,R,x,HT-AR,HT-XX,0 0;1 1,s\n");
        let e = Gazetteer::parse(&ok, sites, &bad_route, sources, outline).err();
        assert!(e.is_some_and(|e| e.contains("unknown place HT-XX")));
    }
}
