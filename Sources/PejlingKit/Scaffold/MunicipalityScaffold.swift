import Foundation

/// The starting files for a real municipality's course: `kommune.yml`, a draft analysis and a
/// draft status report that follow the Task Force's report structure, and an empty case review
/// as an xlsx workbook (``CaseReviewWorkbook``) with the site's criteria as columns. Nothing in
/// them is a figure: the text says what belongs in each section, and the case review has no
/// cases until the consultant enters them.
///
/// The analysis is dated `date` and so is the case review; the status report is dated two
/// years later (the status measurement usually comes 1½–2 years after the analysis), so that
/// `pejling check` passes. Both dates are placeholders to correct.
///
/// ```swift
/// let scaffold = MunicipalityScaffold(municipality: MunicipalityRegistry.byCode(561)!, date: ISODate("2026-03-02")!,
///                                     criteria: catalogue.criteria)
/// try scaffold.write(contentDirectory: "content")   // content/kommuner/esbjerg/…
/// ```
public struct MunicipalityScaffold: Sendable {
    public let municipality: RegisteredMunicipality
    /// The analysis's (and case review's) date.
    public let date: ISODate
    /// The site's criteria (kriterier.yml), the case review's columns.
    public let criteria: [Criterion]

    /// Where the case review goes, inside the municipality folder.
    public static let measurementPath = "maalinger/sagsgennemgang.xlsx"

    public init(municipality: RegisteredMunicipality, date: ISODate, criteria: [Criterion] = []) {
        self.municipality = municipality
        self.date = date
        self.criteria = criteria
    }

    /// The status report's placeholder date: two years after the analysis.
    public var statusDate: ISODate {
        let year = date.year + 2
        return ISODate(year: year, month: date.month, day: min(date.day, ISODate.daysIn(month: date.month, year: year)))
            ?? date
    }

    /// The folder's path inside the content folder: `kommuner/<slug>`.
    public var folder: String { "kommuner/\(municipality.slug)" }

    /// The files, by path inside the municipality folder, in the order they are written.
    public func files() throws -> [(path: String, bytes: [UInt8])] {
        [
            ("kommune.yml", Array(municipalityFile.utf8)),
            ("analyse.md", Array(analysisFile.utf8)),
            ("status.md", Array(statusFile.utf8)),
            (Self.measurementPath, try CaseReviewWorkbook(kind: .sagsgennemgang, date: date, criteria: criteria).xlsx()),
        ]
    }

    /// Why the scaffold cannot be written.
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes the folder, or refuses when it exists. Everything is written into a hidden folder
    /// beside it first and renamed into place, so a failure leaves nothing half-made.
    ///
    /// - Returns: the paths written, as the user would name them.
    /// Why `contentDirectory` cannot take a new municipality (it is a file, or missing), or nil.
    public static func contentFolderProblem(_ contentDirectory: String) -> String? {
        guard !SafePath.isDirectory(contentDirectory) else { return nil }
        return SafePath.exists(contentDirectory)
            ? "\(DisplayPath.relative(contentDirectory)) er en fil og ikke en mappe; --content skal angive indholdsmappen"
            : "\(DisplayPath.relative(contentDirectory)): indholdsmappen findes ikke; "
                + "kør pejling new i mappen, hvor content/ ligger, eller angiv mappen med --content"
    }

    @discardableResult
    public func write(contentDirectory: String) throws -> [String] {
        let target = DisplayPath.join(contentDirectory, folder)
        if let problem = Self.contentFolderProblem(contentDirectory) { throw Refusal(description: problem) }
        if SafePath.exists(target) || (try? FileManager.default.destinationOfSymbolicLink(atPath: target)) != nil {
            throw Refusal(description: "\(DisplayPath.relative(target)) findes allerede; pejling new ændrer aldrig en mappe, der findes")
        }
        let parent = DisplayPath.join(contentDirectory, "kommuner")
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw Refusal(description: "\(DisplayPath.relative(parent)) kan ikke oprettes, fordi \(SystemError.describe(error))")
        }
        let staging = DisplayPath.join(parent, ".new-\(municipality.slug)-\(UInt32.random(in: 0...UInt32.max))")
        let files: [(path: String, bytes: [UInt8])]
        do {
            files = try self.files()
        } catch {
            throw Refusal(description: "sagsgennemgangens regneark kan ikke laves: \(SystemError.describe(error))")
        }
        do {
            for file in files {
                let path = staging + "/" + file.path
                let folder = (path as NSString).deletingLastPathComponent
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try FileWriting.write(file.bytes, to: path)
            }
            // rename(2) fails rather than replace a folder that appeared meanwhile (unless empty).
            guard rename(staging, target) == 0 else {
                let reason = SystemError.describe(errno)  // before anything else can change errno
                throw Refusal(description: "\(DisplayPath.relative(target)) kan ikke oprettes, fordi \(reason)")
            }
        } catch {
            try? manager.removeItem(atPath: staging)
            if let refusal = error as? Refusal { throw refusal }
            throw Refusal(description: "\(DisplayPath.relative(target)) kan ikke skrives, fordi \(SystemError.describe(error))")
        }
        return files.map { DisplayPath.relative(DisplayPath.join(target, $0.path)) }
    }

    // MARK: The files

    var municipalityFile: String {
        """
        # \(municipality.fullName). Oprettet med `pejling new \(municipality.code)`.
        kode: \(municipality.code)
        navn: \(municipality.fullName)
        # hjemmeside: https://…   (kommunens hjemmeside; valgfri)
        eksempel: false

        """
    }

    var analysisFile: String {
        """
        ---
        titel: Analyse af sagsbehandlingen på området for udsatte børn og unge i \(municipality.fullName)
        dato: \(date)
        maaling: \(Self.measurementPath)
        kladde: true
        ---

        # Sammenfatning

        *Skriv her kommunens vigtigste styrker og udfordringer, Task Forcens anbefalinger og en kort beskrivelse af datagrundlaget. Sammenfatningen skal kunne læses alene af kommunalbestyrelsen.*

        ## Hovedkonklusioner

        - *Én konklusion pr. punkt. Brug kun tal fra sagsgennemgangen, interviews og kommunens egne data.*

        ## Anbefalinger

        1. *Én anbefaling pr. punkt: hvad kommunen bør gøre, og hvorfor.*

        ## Datagrundlag

        *Beskriv kort, hvad analysen bygger på: sagsgennemgangen, interviews, kommunens nøgletal og skriftligt materiale. Se bilag 2.*

        # Overordnet styring og faglig ledelse

        *Organisering, ledelsestilsyn, kvalitetsstandarder, personaleforhold og samarbejdet mellem forvaltning og politikere.*

        # Faglig udredning

        *Modtagelse og vurdering af underretninger og de børnefaglige undersøgelser (barnets lov § 20, stk. 3): rettidighed og kvalitet.*

        # Valg af indsats og opfølgning

        *Begrundelsen for valget af indsats, barnets plan (barnets lov § 91) og opfølgningen på indsatsen (barnets lov § 95).*

        # Inddragelse af barn og familie

        *Samtalen med barnet (barnets lov § 5, stk. 3), barnets synspunkter og inddragelsen af forældre og netværk.*

        # Bilag 1: Sagsgennemgangen

        *Task Forcen gennemgår 20 sager. Skriv dem i regnearket `\(Self.measurementPath)`, én sag pr. række fra række 5 med et svar i hver kriteriekolonne (opfyldt, ikke opfyldt eller ikke relevant); pejling tæller selv resultaterne op, og tabellerne nedenfor viser dem for hvert pejlemærke. Med 20 sager er den tilfældige variation stor: sidens tal vises med "k af n sager" og usikkerhed.*

        ```maaling
        pejlemaerke: faglig-udredning
        ```

        ```maaling
        pejlemaerke: valg-af-indsats
        ```

        ```maaling
        pejlemaerke: opfoelgning
        ```

        ```maaling
        pejlemaerke: inddragelse
        ```

        # Bilag 2: Datagrundlag og metode

        *Hvordan sagerne er udvalgt, hvem der er interviewet, og hvilke data og dokumenter kommunen har leveret.*

        """
    }

    var statusFile: String {
        """
        ---
        titel: Statusrapport for \(municipality.fullName)s udviklingsforløb med Den Permanente Task Force
        dato: \(statusDate)
        kladde: true
        ---

        # Indledning

        *Hvornår analysen blev afleveret, hvad kommunen har arbejdet med siden, og hvordan Task Forcen har bistået. Datoen i toppen er en pladsholder: statusrapporten skal dateres efter analysen.*

        # Task Forcens vurdering

        *Er kommunen på rette vej? Hvilke anbefalinger er fulgt, hvad har gjort en forskel, og hvad bør kommunen holde fokus på?*

        # Statusmåling

        *Statusmålingen er en pejling af 20 nye sager efter samme kriterier som i analysen: et billede af, om kommunen er på rette vej, ikke en slutmåling.*

        *Når målingen skal laves: kopiér `\(Self.measurementPath)` til `maalinger/statusmaaling.xlsx`, skriv `statusmaaling` i celle B1 og statusmålingens dato i B2, og udfyld én række pr. sag. Tilføj `maaling: maalinger/statusmaaling.xlsx` i toppen af denne fil, og indsæt en blok pr. pejlemærke:*

            ```maaling
            pejlemaerke: faglig-udredning
            ```

        # Kommunens bemærkninger

        *Kommunens egne afsluttende bemærkninger.*

        """
    }
}
