/// Every fixed word a report prints, in both languages, in one place.
/// Stored properties, so that templates see them as `labels.women` etc.
public struct Labels: Sendable {
    public let lang: Language

    public let finalReport: String
    public let asOf: String
    public let generated: String
    public let projectDetails: String
    public let caseNumber: String
    public let programmeArea: String
    public let phase: String
    public let owner: String
    public let contact: String
    public let region: String
    public let municipalities: String
    public let period: String
    public let esfGrant: String
    public let totalBudget: String
    public let coFinanciers: String
    public let partners: String
    public let women: String
    public let men: String
    public let other: String
    public let total: String
    public let participants: String
    public let active: String
    public let ended: String
    public let exitReasons: String
    public let exitReason: String
    public let subprojects: String
    public let subproject: String
    public let groups: String
    public let group: String
    public let granted: String
    public let goals: String
    public let goal: String
    public let target: String
    public let outcome: String
    public let met: String
    public let yes: String
    public let no: String
    public let ofWhich: String
    public let source: String
    public let metricHeading: String
    public let subprojectsCaption: String
    public let groupsCaption: String
    public let groupsGrantedCaption: String
    public let goalsCaption: String

    public let ageCaption: String
    public let ageBand: String
    public let ageUnknown: String
    public let durationsCaption: String
    public let medianDays: String
    public let activities: String
    public let activity: String
    public let activitiesCaption: String
    public let budget: String
    public let budgetCaption: String
    public let budgetLine: String
    public let amount: String
    public let exitsChartTitle: String
    public let subprojectsChartTitle: String
    public let goalsChartTitle: String
    public let hiddenCount: String
    public let metText: String
    public let notMetText: String
    public let indexTitle: String
    public let indexProject: String
    public let indexPositive: String
    public let indexGoals: String
    public let indexReports: String
    public let indexFailed: String
    public let indexNotWritten: String
    public let indexEarlier: String
    public let indexCaption: String

    public init(_ lang: Language) {
        self.lang = lang
        func pick(_ sv: String, _ en: String) -> String { lang == .sv ? sv : en }
        finalReport = pick("Slutrapport", "Final report")
        asOf = pick("Uppgifter per", "Figures as of")
        generated = pick("Skapad", "Generated")
        projectDetails = pick("Projektuppgifter", "Project details")
        caseNumber = pick("Ärendenummer", "Case number")
        programmeArea = pick("Programområde", "Programme area")
        phase = pick("Projektfas", "Phase")
        owner = pick("Projektägare", "Project owner")
        contact = pick("Kontaktperson", "Contact")
        region = pick("Region", "Region")
        municipalities = pick("Kommuner", "Municipalities")
        period = pick("Projektperiod", "Project period")
        esfGrant = pick("Beviljat ESF-stöd", "ESF grant")
        totalBudget = pick("Total projektbudget", "Total budget")
        coFinanciers = pick("Medfinansiärer", "Co-financiers")
        partners = pick("Samarbetspartners", "Partners")
        women = pick("Kvinnor", "Women")
        men = pick("Män", "Men")
        other = pick("Annat/ej angivet", "Other/not stated")
        total = pick("Totalt", "Total")
        participants = pick("Deltagare", "Participants")
        active = pick("Aktiva", "Active")
        ended = pick("Avslutade", "Ended")
        exitReasons = pick("Avslutsorsaker", "Exit reasons")
        exitReason = pick("Avslutsorsak", "Exit reason")
        subprojects = pick("Delprojekt", "Subprojects")
        subproject = pick("Delprojekt", "Subproject")
        groups = pick("Delprojekt per område", "Subprojects by area")
        group = pick("Område", "Area")
        granted = pick("Beviljat", "Granted")
        goals = pick("Mål och utfall", "Goals and outcomes")
        goal = pick("Mål", "Goal")
        target = pick("Målvärde", "Target")
        outcome = pick("Utfall", "Outcome")
        met = pick("Uppfyllt", "Met")
        yes = pick("Ja", "Yes")
        no = pick("Nej", "No")
        ofWhich = pick("varav", "of whom")
        source = pick("Källa", "Source")
        metricHeading = pick("Mått", "Measure")
        subprojectsCaption = pick("Deltagare per delprojekt", "Participants per subproject")
        groupsCaption = pick("Deltagare per område", "Participants per area")
        groupsGrantedCaption = pick("Deltagare och beviljade medel per område", "Participants and grants per area")
        goalsCaption = pick("Mål, målvärden och utfall", "Goals, targets and outcomes")
        ageCaption = pick("Deltagare efter ålder vid start", "Participants by age at start")
        ageBand = pick("Ålder", "Age")
        ageUnknown = pick("Uppgift saknas", "Not known")
        durationsCaption = pick("Tid i projektet för avslutade deltagare", "Time in the project of ended participants")
        medianDays = pick("Median, dagar", "Median, days")
        activities = pick("Aktiviteter", "Activities")
        activity = pick("Aktivitet", "Activity")
        activitiesCaption = pick("Deltagare per aktivitet", "Participants per activity")
        budget = pick("Budget", "Budget")
        budgetCaption = pick("Budget per post", "Budget by line")
        budgetLine = pick("Post", "Line")
        amount = pick("Belopp", "Amount")
        exitsChartTitle = pick("Avslutsorsaker efter kön, andel av avslutade", "Exit reasons by gender, share of those who ended")
        subprojectsChartTitle = pick("Deltagare per delprojekt efter kön", "Participants per subproject by gender")
        goalsChartTitle = pick("Mål: utfall mot målvärde", "Goals: outcome against target")
        hiddenCount = pick("dolt", "hidden")
        metText = pick("uppfyllt", "met")
        notMetText = pick("ej uppfyllt", "not met")
        indexTitle = pick("Slutrapporter", "Final reports")
        indexProject = pick("Projekt", "Project")
        indexPositive = pick("Till arbete eller studier", "To work or studies")
        indexGoals = pick("Mål uppfyllda", "Goals met")
        indexReports = pick("Rapporter", "Reports")
        indexFailed = pick("fel i indata; inte byggd", "input errors; not built")
        indexNotWritten = pick("kunde inte skrivas", "could not be written")
        indexEarlier = pick("tidigare version", "earlier version")
        indexCaption = pick("Projekt med nyckeltal", "Projects with key figures")
    }

    private func t(_ sv: String, _ en: String) -> String { lang == .sv ? sv : en }



    public func participantsCaption(_ scope: String?) -> String {
        scope.map { t("Deltagare i \($0) efter kön", "Participants in \($0) by gender") }
            ?? t("Deltagare efter kön", "Participants by gender")
    }

    public func exitsCaption(_ scope: String?) -> String {
        scope.map { t("Avslutsorsaker i \($0) efter kön", "Exit reasons in \($0) by gender") }
            ?? t("Avslutsorsaker efter kön", "Exit reasons by gender")
    }


    public var activitiesNote: String {
        t("Andelar avser deltagare i samma kolumn; en deltagare kan ha flera aktiviteter.",
          "Shares are of participants in the same column; a participant may take part in several activities.")
    }
    public func groupExitsCaption(_ group: String) -> String {
        t("Avslutsorsaker i området \(group) efter kön", "Exit reasons in the area \(group) by gender")
    }

    public func suppressionNote(_ n: Int) -> String {
        t("Antal under \(n) visas som <\(n), och .. står för ett antal som döljs för att de små inte ska kunna räknas fram ur summorna; andelar av dolda antal visas inte.",
          "Counts below \(n) are shown as <\(n), and .. marks a count hidden so that the small ones cannot be worked out from the totals; shares of hidden counts are not shown.")
    }

    public func fewerThan(_ n: Int) -> String { t("färre än \(n)", "fewer than \(n)") }
    public func of(_ a: String, _ b: String) -> String { t("\(a) av \(b)", "\(a) of \(b)") }


    public var sharesNote: String {
        t("Andelar avser avslutade deltagare i samma kolumn och avrundas var för sig; summan kan därför avvika från 100 %.",
          "Shares are of ended participants in the same column and rounded one by one, so they may not add up to 100%.")
    }

    public func lateStartersNote(_ n: Int, _ asOf: String) -> String {
        t("\(n) deltagare som börjar efter \(asOf) räknas inte med.",
          "\(n) participant\(n == 1 ? "" : "s") starting after \(asOf) \(n == 1 ? "is" : "are") not counted.")
    }

    public var countsSourceNote: String {
        t("Siffrorna bygger på sammanräknade uppgifter (counts.csv); ålder, aktiviteter och tid i projektet redovisas därför inte.",
          "The figures come from tallies (counts.csv); age, activities and time in the project are therefore not shown.")
    }

    public var noParticipantData: String {
        t("Rapporten innehåller inga deltagaruppgifter; målen visas med sina målvärden.",
          "The report holds no participant data; goals are shown with their targets.")
    }

    public func metric(_ m: Goal.Metric) -> String {
        switch m {
        case .participants: t("antal deltagare", "number of participants")
        case .exitShare: t("andel av avslutade", "share of ended")
        case .activityShare: t("andel av deltagare", "share of participants")
        case .reported: t("rapporterat värde", "reported value")
        }
    }
}
