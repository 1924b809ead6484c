/// Every fixed word a report's templates print, as `labels.women` etc.;
/// the words of each language are in `Translation+<code>.swift`. Stored
/// properties, so that the generated template lookup reaches them.
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
    /// The Word footer's "Sida 3 av 10": the words around the page fields.
    public let page: String
    public let pageOf: String

    public init(_ lang: Language) {
        self = lang.translation.labels
    }

    init(lang: Language, finalReport: String, asOf: String, generated: String, projectDetails: String, caseNumber: String, programmeArea: String, phase: String, owner: String, contact: String, region: String, municipalities: String, period: String, esfGrant: String, totalBudget: String, coFinanciers: String, partners: String, women: String, men: String, other: String, total: String, participants: String, active: String, ended: String, exitReasons: String, exitReason: String, subprojects: String, subproject: String, groups: String, group: String, granted: String, goals: String, goal: String, target: String, outcome: String, met: String, yes: String, no: String, ofWhich: String, source: String, metricHeading: String, subprojectsCaption: String, groupsCaption: String, groupsGrantedCaption: String, goalsCaption: String, ageCaption: String, ageBand: String, ageUnknown: String, durationsCaption: String, medianDays: String, activities: String, activity: String, activitiesCaption: String, budget: String, budgetCaption: String, budgetLine: String, amount: String, exitsChartTitle: String, subprojectsChartTitle: String, goalsChartTitle: String, hiddenCount: String, metText: String, notMetText: String, indexTitle: String, indexProject: String, indexPositive: String, indexGoals: String, indexReports: String, indexFailed: String, indexNotWritten: String, indexEarlier: String, indexCaption: String, page: String, pageOf: String) {
        self.lang = lang
        self.finalReport = finalReport
        self.asOf = asOf
        self.generated = generated
        self.projectDetails = projectDetails
        self.caseNumber = caseNumber
        self.programmeArea = programmeArea
        self.phase = phase
        self.owner = owner
        self.contact = contact
        self.region = region
        self.municipalities = municipalities
        self.period = period
        self.esfGrant = esfGrant
        self.totalBudget = totalBudget
        self.coFinanciers = coFinanciers
        self.partners = partners
        self.women = women
        self.men = men
        self.other = other
        self.total = total
        self.participants = participants
        self.active = active
        self.ended = ended
        self.exitReasons = exitReasons
        self.exitReason = exitReason
        self.subprojects = subprojects
        self.subproject = subproject
        self.groups = groups
        self.group = group
        self.granted = granted
        self.goals = goals
        self.goal = goal
        self.target = target
        self.outcome = outcome
        self.met = met
        self.yes = yes
        self.no = no
        self.ofWhich = ofWhich
        self.source = source
        self.metricHeading = metricHeading
        self.subprojectsCaption = subprojectsCaption
        self.groupsCaption = groupsCaption
        self.groupsGrantedCaption = groupsGrantedCaption
        self.goalsCaption = goalsCaption
        self.ageCaption = ageCaption
        self.ageBand = ageBand
        self.ageUnknown = ageUnknown
        self.durationsCaption = durationsCaption
        self.medianDays = medianDays
        self.activities = activities
        self.activity = activity
        self.activitiesCaption = activitiesCaption
        self.budget = budget
        self.budgetCaption = budgetCaption
        self.budgetLine = budgetLine
        self.amount = amount
        self.exitsChartTitle = exitsChartTitle
        self.subprojectsChartTitle = subprojectsChartTitle
        self.goalsChartTitle = goalsChartTitle
        self.hiddenCount = hiddenCount
        self.metText = metText
        self.notMetText = notMetText
        self.indexTitle = indexTitle
        self.indexProject = indexProject
        self.indexPositive = indexPositive
        self.indexGoals = indexGoals
        self.indexReports = indexReports
        self.indexFailed = indexFailed
        self.indexNotWritten = indexNotWritten
        self.indexEarlier = indexEarlier
        self.indexCaption = indexCaption
        self.page = page
        self.pageOf = pageOf
    }
}

/// The sentences the view builder fills in with names and numbers, in the
/// report's language (`Translation.phrases`).
extension Labels {
    private var phrases: Phrases { lang.translation.phrases }

    public func participantsCaption(_ scope: String?) -> String {
        scope.map(phrases.participantsInCaption) ?? phrases.participantsCaption
    }

    public func exitsCaption(_ scope: String?) -> String {
        scope.map(phrases.exitsInCaption) ?? phrases.exitsCaption
    }

    public var activitiesNote: String { phrases.activitiesNote }
    public func groupExitsCaption(_ group: String) -> String { phrases.groupExitsCaption(group) }
    public func suppressionNote(_ n: Int) -> String { phrases.suppressionNote(n) }
    public func fewerThan(_ n: Int) -> String { phrases.fewerThan(n) }
    public func protectedNote(_ hidden: Int, _ n: Int) -> String { phrases.protectedNote(hidden, n) }
    public var goalNotShown: String { phrases.goalNotShown }
    public func of(_ a: String, _ b: String) -> String { phrases.of(a, b) }
    public var sharesNote: String { phrases.sharesNote }
    public func lateStartersNote(_ n: Int, _ asOf: String) -> String { phrases.lateStartersNote(String(n), n != 1, asOf) }
    /// Fewer than `threshold` late starters, under disclosure control.
    public func fewLateStartersNote(below threshold: Int, _ asOf: String) -> String {
        phrases.lateStartersNote(fewerThan(threshold), true, asOf)
    }
    public var countsSourceNote: String { phrases.countsSourceNote }
    public var noParticipantData: String { phrases.noParticipantData }
    public var notReported: String { phrases.notReported }
    public var timeline: TimelineTexts { phrases.timeline }
    public var breakdowns: BreakdownTexts { phrases.breakdowns }
    public func notReportedNote(_ n: Int, of all: Int) -> String { phrases.notReportedNote(n, all, all - n) }

    public func metric(_ m: Goal.Metric) -> String {
        switch m {
        case .participants: phrases.metricParticipants
        case .exitShare: phrases.metricExitShare
        case .activityShare, .breakdownShare: phrases.metricActivityShare
        case .reported: phrases.metricReported
        }
    }
}
