# English messages. Every key here must also be in ru.ftl (a test checks).

app-title = Torture Index Explorer
app-tagline = How great is the risk of torture and ill-treatment, country by country?
nav-label = Main
nav-rankings = Rankings
nav-methods = Methods and sources
language = Language
skip-to-content = Skip to content

band-very-high = Very high
band-high = High
band-considerable = Considerable
band-moderate = Moderate
band-low = Low

transparency-suppressive = Suppressive
transparency-concealed = Concealed
transparency-circumscribed = Circumscribed
transparency-accessible = Accessible
transparency-transparent = Transparent

confidence-primary = primary
confidence-secondary = secondary
confidence-inferred = inferred
confidence-primary-def = published by the index's own authors (OMCT; the Civic Solidarity Platform's working group).
confidence-secondary-def = a press or partner report that quotes the index.
confidence-inferred-def = our reading of ambiguous wording in a secondary report. Treat it with care.

index-gti = OMCT Global Torture Index 2025
index-csp = CSP Index on Torture
index-choice = Index
year = Year

notice-url-title = Part of this link could not be used.
notice-url-body = The explorer ignored what is listed below and shows the default instead. Everything else in the link still applies.
notice-param = “{ $param }” = “{ $value }” is not a value the explorer understands.
notice-query-too-long = The link is too long to read; the explorer opened with its default view.
notice-unknown-country = The country code “{ $code }” is not part of this index.
notice-dismiss = Dismiss
notice-data-title = Some bundled data failed validation.
notice-data-body = The rows below were left out; everything else is shown.

weights-title = Pillar weights
weights-hint = Move a slider to change how much a pillar counts; beside it are the weight and its share of the total. Rankings and bands update at once.
weights-custom = Custom weighting: not the official index
weights-official = Official weighting (all pillars equal)
weights-reset = Reset to official weights
weight-value = { $weight } · { $share } %
coverage-label = Minimum pillar coverage
coverage-hint = A country is recomputed only when at least this share of its seven pillars is known; otherwise its published band stands.

sources-summary = { $count } · { $confidence }
sources-prefix = Sources:
weight-valuetext = weight { $weight }, { $share } percent of the total
opens-new-tab = opens in a new tab
source-no-address = address not recorded

not-published = Not published
unranked = not ranked
score-midpoint = band midpoint
differs-from-official = ≠ official
basis-recomputed = Recomputed from { $n }/{ $total } pillar bands (estimated from band)
basis-below-coverage = Published band only ({ $n }/{ $total } pillars known, below the minimum coverage)
basis-published-only = Published band only: weights do not apply
basis-not-published = No band in any source we hold

value-membership = Membership
value-official-band = Official band
value-pillar = Pillar
value-transparency = Transparency
value-csp-total = Total { $year }

conflict-gti = Sources disagree: { $who } reports { $value }.
reported-score = A partner organisation reports a score of { $score } out of 100. OMCT does not publish scores, so the explorer does not use it.
membership-indirect = Membership is inferred from reports comparing this country with members.

gti-caption-official = Countries ranked by the explorer's model at the official (equal) weights, with the band OMCT published
gti-caption-custom = Countries ranked by the explorer's model at custom weights (not the official index), with the band OMCT published
col-rank = Rank
col-country = Country
col-score = Score (0–100)
col-band = Risk band
col-official-band = Official band
col-basis = Basis
col-sources = Sources
col-csp-score = Index score
col-change = Change since { $year }
col-change-first = Change

flag-releases-short = The previous release printed { $other }
flag-releases-supported = The change the latest release states for the following year matches the value shown here.
flag-stated-short = The release's text says { $stated }
release-explains = The release explains: { $text }
csp-missing = Measured; the value is not in any source we hold
no-change-known = no change can be computed
csp-caption = CSP Index on Torture { $year }: published totals, highest (best) first

error-weights-zero = Every pillar weight is zero, so no score can be computed. Raise any weight, or reset to the official weights.
error-weights-invalid = These weights cannot be used. Reset to the official weights.

gti-intro = OMCT rates 26 countries on seven thematic pillars and an overall band. It publishes bands, not numbers: the scores here come from the explorer's own model, which turns bands into numbers so that weights can act on them.
csp-intro = The Civic Solidarity Platform's working group scores countries of the OSCE region each year on how well they uphold the prohibition of torture. Higher is better; scores can be negative.
gti-note-model = Scores and recomputed bands are the explorer's model, not OMCT's. At the official weights they reproduce every band OMCT published for the countries whose pillar bands are known.
gti-note-model-link = How the model works
gti-note-differs = “≠ official” marks a band that differs from the one OMCT published.
gti-note-unidentified = The index covers 26 countries; 22 are named in the sources we hold, and 4 are not identified in any of them.
csp-no-weights = The CSP Index publishes one total per country and year; its section scores are not public, so weights do not apply.
csp-note-scale = Scores are the published totals. The possible range is not public, and totals can be negative.
csp-note-missing = Where a country was measured but no source we hold gives its value, the table says so instead of showing a number.
csp-note-flags-link = Data-quality notes

check-ok = matches
check-mismatch = does not match

flag-stated = { $country } { $year }: the release's text states a change of { $stated }, but its own table gives { $computed } ({ $who }).
flag-releases = { $country } { $year }: two releases disagree: the latest prints { $used }, the previous one { $other }. The explorer shows { $used }.
flag-releases-which = The change stated for the following year matches { $value }.
flag-gti = { $country }: { $used_who } report { $used }; { $other_who } reports { $other }. The explorer uses { $used }.
flag-inferred = { $country }, pillar “{ $pillar }”: the band is our reading of ambiguous wording in one report (inferred).
flag-missing = { $country } { $year }: measured, but no source we hold gives the value. It is shown as missing, never as zero.

methods-title = Methods and sources
methods-intro = What the explorer shows, where every figure comes from, and where the record is incomplete or contradictory.
methods-gti-title = OMCT Global Torture Index 2025
methods-gti-what = Launched by the World Organisation Against Torture (OMCT) and its SOS-Torture Network in June 2025, the index assesses 26 countries on data from 2023 and 2024. Each country receives a band on five levels for each of seven thematic pillars, an overall band, and a separate rating of transparency and access to information.
methods-gti-not-official = OMCT publishes bands only. Its indicator scores, weights and cut-offs are not public. The numbers in this explorer come from the explorer's own model, described below: they are not OMCT's and should not be quoted as OMCT's.
methods-model-title = The explorer's model
methods-model-scale = Scores run from 0 to 100; a higher score means a lower risk.
methods-model-midpoint = A pillar known only as a band counts as the middle of that band (Very high 10, High 30, Considerable 50, Moderate 70, Low 90), marked “estimated from band”.
methods-model-mean = A country's score is the weighted arithmetic mean of its known pillars, with the weights rescaled over the pillars that are known. The official weighting gives every pillar the same weight.
methods-model-coverage = A country is recomputed only when at least the minimum share of its pillars is known (65% by default, a common rule of thumb for composite indicators). Otherwise the band OMCT published stands, at the band's midpoint, and weights do not apply to it. Members with no published band are listed without a rank.
methods-model-bands = Scores are cut into five equal bands (table below).
methods-model-rank = Rank 1 is the lowest risk. Equal scores share a rank (1, 2, 2, 4) and are listed alphabetically.
methods-model-reproduces = At the official weights, the model reproduces the overall band OMCT published for each country whose pillar bands are known (Kyrgyzstan, India, Honduras). Automated tests check this on every change.
methods-bands-caption = Bands of the explorer's model
methods-col-range = Score range
methods-col-midpoint = Midpoint
methods-gti-record = The public record is partial: pillar bands are known for three countries, overall bands for seventeen; five members are named without a band, and four of the 26 are not identified in any source we hold. One partner reports a score for Togo (54 out of 100); it is shown as a reported figure and not used.
methods-csp-title = CSP Index on Torture (Prohibition of Torture Index)
methods-csp-what = Published each year since a 2019 pilot by the Civic Solidarity Platform's working group on the fight against torture, the index scores how well states in the OSCE region prohibit and prevent torture: how they respond to allegations, judicial review, the legal prohibition, procedural safeguards, prevention, international standards and, since 2020, how effective investigations are according to surveyed experts.
methods-csp-score = The explorer shows the published totals as they are. Scores per indicator and per section, and the possible range, are not public; totals can be negative.
methods-confidence-title = Confidence of each value
methods-flags-title = Data-quality notes
methods-flags-intro = The explorer checks its sources against each other. Where they disagree, it shows both; where a value is missing, it says so.
methods-checks-caption = Changes the CSP's latest release states in words, recomputed from its own table
methods-col-stated = Stated
methods-col-computed = From the table
methods-col-result = Result
methods-sources-title = Sources
methods-sources-intro = Every figure in the explorer comes from one of these publications. Descriptions are our own words; follow the links for the originals.
methods-sources-caption = All sources
methods-col-id = Id
methods-col-publisher = Publisher
methods-col-title = Publication
methods-col-kind = Kind
methods-col-lang = Language
methods-privacy-title = Privacy
methods-privacy = The explorer runs entirely in your browser. It requests nothing from any other host, sets no cookies, keeps no analytics, and works offline once loaded. Links to sources open the source's own website only when you follow them.

footer-privacy = No cookies, no trackers, no third-party requests: everything runs in your browser.
footer-model = Scores on the GTI are the explorer's model, not OMCT's; bands marked “official” are as published.

# Navigation for the explorer's views
nav-map = Map
nav-trends = CSP trends
nav-compare = Compare
nav-cross = Cross-index
nav-simulate = Reform simulator
nav-robustness = Robustness
map-title = World map
simulate-title = Reform simulator
robustness-title = Robustness of the ranking
agg-arithmetic = arithmetic mean
agg-geometric = geometric mean
agg-minimum = weakest pillar
footer-data = Data version { $version }.

# Sharing and exports
share-label = Share and export
share-copy = Copy link
share-copied = Link copied to the clipboard.
share-copy-failed = The clipboard is not available here. The link is: { $link }
share-csv = Download table (CSV)
share-svg = Download chart (SVG)
share-png = Download chart (PNG)
share-save = Save view (JSON)
share-load = Load view…
share-downloaded = Downloaded { $file }.
share-imported = The saved view was loaded.
share-imported-partly = The saved view was loaded; parts the explorer could not use were ignored.
share-state-note = A saved view of Torture Index Explorer: open the explorer and choose “Load view…”.
import-too-large = That file is too large to be a saved view; nothing was changed.
import-not-json = That file is not a saved view (it is not JSON); nothing was changed.
import-not-ours = That file is not a Torture Index Explorer view; nothing was changed.
import-newer = That view was saved by a newer version of the explorer; nothing was changed.
export-data-version = Data version { $version }
export-weights = Weights: { $weights }; { $aggregation }; minimum coverage { $coverage } %
export-model-note = Scores are the explorer's model, not OMCT's; official bands are as published.

# Country profile
profile-title = Country profile
profile-intro = Choose a country to see everything the sources say about it, with each figure's source.
profile-choose = Country
profile-choose-none = Choose a country…
profile-print = Print or save as PDF
profile-not-gti = This country is not among the members of the Global Torture Index named in any source we hold.
profile-model = The explorer's model (official weights)
profile-model-custom = The explorer's model (custom weights: not the official index)
profile-basis-recomputed = Recomputed from the pillar bands (estimated from band)
profile-rank = Rank { $rank } in the explorer's ranking
profile-official = Official band (as published)
profile-source = Source
profile-pillars = Thematic pillars
profile-no-pillars = No pillar band is published in any source we hold.
profile-estimated = estimated from band
profile-alternative = Another report says { $value }:
profile-facts = General information and key figures
profile-facts-caption = General information and key figures, with units, periods and sources
profile-facts-note = Values marked ⚠ carry a note: read it before quoting the figure.
profile-no-facts = No general information or key figures are held for this country.
profile-col-indicator = Indicator
profile-col-value = Value
profile-col-period = Period
profile-col-note = Note
profile-col-explanation = The release's explanation
profile-recs = Key recommendations
profile-recs-intro = Summarised in our own words; the original wording is in the factsheet:
profile-no-recs = No recommendation list is published in any source we hold for this country.
profile-all-trends = Compare with all CSP countries
trend-caption = CSP Index on Torture, { $country }, 2019–2024

# CSP trends
trends-title = CSP Index trends, 2019–2024
trends-intro = How each country's published total moved from year to year. Missing years are left as gaps, never drawn as zero.
trends-line-caption = CSP Index on Torture: published totals by country, 2019–2024
trends-gaps = A break in a line is a year without a published value.
trends-table = Show the data as a table
trends-slope-title = Between two years
trends-from = From
trends-to = To
trends-slope-caption = CSP Index on Torture: change from { $from } to { $to }
trends-not-both = Not shown (no value in one of the two years): { $countries }.
trends-movers = Biggest movers
trends-movers-caption = Countries by the size of their change from { $from } to { $to }

# Compare
compare-title = Compare countries
compare-intro = Put two to four countries side by side: bands, pillars and CSP scores, each from its source.
compare-add = Add a country
compare-choose = Choose…
compare-full = Four countries chosen
compare-chosen = Countries compared
compare-remove = Remove { $country }
compare-need-two = Choose at least two countries to compare.
compare-measure = Measure
compare-caption = Comparison: { $countries }
compare-not-in-gti = not in the GTI
compare-csp-chart = CSP Index on Torture: the compared countries, 2019–2024

# Cross-index
cross-title = Both indices side by side
cross-intro = The countries that appear in both indices, with the GTI band beside the CSP score.
cross-year = CSP year
cross-caption = Countries in both indices: GTI 2025 and CSP { $year }
cross-col-gti = GTI official band
cross-col-model = Explorer's GTI score
cross-col-csp = CSP score { $year }
cross-col-csp-rank = CSP rank
cross-rank-of = { $rank } of { $n }
cross-why-title = What each index measures, and why they can disagree
cross-gti-measures = the risk of torture and ill-treatment across seven themes, from political commitment and detention to victims' rights and civic space, on data from 2023–2024, in five bands.
cross-csp-measures = how far a state's law and practice uphold the prohibition of torture (response to allegations, judicial review, legal safeguards, prevention, international standards and the effectiveness of investigations), as a yearly total whose range is not published.
cross-disagree = The two differ in scope (risk across society versus the state's legal and institutional response), in period, in method and in scale, and a country can improve on one while not on the other. Read them together, not as a single verdict.

# World map
map-intro = Each country of the selected index, coloured by its band or score. Move over a country or tab to it for details; click it or press Enter to open its profile.
map-zoom = Zoom
region-world = World
region-europe = Europe and Central Asia
region-americas = Americas
region-africa = Africa
region-asia = Asia
map-legend-unpublished = Member, no published band
map-legend-missing = Measured, value not in our sources
map-legend-outside = Not in the index
map-bin = { $from } to { $to }
map-bin-below = below { $value }
map-bin-above = { $value } and above
map-caption-gti = OMCT Global Torture Index 2025: bands of the explorer's model at the official weights
map-caption-gti-custom = OMCT Global Torture Index 2025: bands of the explorer's model at custom weights (not the official index)
map-caption-csp = CSP Index on Torture { $year }: published totals
map-attribution = Map: Natural Earth (public domain), simplified. Borders do not imply any position on disputed territory.
map-keyboard = Tab moves from country to country; Enter opens a profile. The table below gives the same information.
map-table = The map as a table
share-export-failed = The chart could not be exported in this browser.

# Reform simulator
simulate-intro = Change the bands of a country's pillars and see what its score, band and rank would become under the current weights. Combine changes into a named scenario, save it in this browser, or share it by link.
simulate-label = Simulation: not the official index and not a forecast
simulate-country = Country
simulate-no-pillars-short = no pillar data
simulate-no-pillars = OMCT's pillar bands for { $country } are not in any source we hold. Changing a pillar cannot move its score: with too few known pillars, the published band stands. Kyrgyzstan, India and Honduras have pillar data.
simulate-edit = Pillars of { $country }
simulate-pillar = Pillar
simulate-official = Official
simulate-scenario-band = In the scenario
simulate-as-published = As published
simulate-change-weights = Change the weights
simulate-result = Result
simulate-results-caption = { $country }: official, current and simulated
simulate-current = Now (official weights)
simulate-current-custom = Now (custom weights)
simulate-simulated = Simulated
simulate-no-result = No result can be computed with these settings.
simulate-pick = Choose a band for any pillar to simulate a reform.
simulate-not-recomputed = With these changes the country still has too few known pillars to be recomputed, so its published band stands.
simulate-summary = The simulated changes move the score by { $delta } points, from { $from } to { $to }:
simulate-part = { $pillar }: from { $from } to { $to } at weight { $weight } of { $total }, ({ $to } − { $from }) × { $weight } / { $total } = { $delta } points.
simulate-part-plain = { $pillar } becomes { $to }.
simulate-nonlinear = Under this aggregation rule the effects of several changes do not simply add up; the total above is exact.
simulate-band-same = The band stays { $band }.
simulate-band-moves = The band moves from { $from } to { $to }.
simulate-rank-same = The rank stays { $rank }.
simulate-rank-moves = The rank moves from { $from } to { $to }.
simulate-scenario = Scenario
simulate-name = Scenario name
simulate-untitled = Untitled scenario
simulate-empty = The scenario has no changes yet.
simulate-changes = Changes: { $changes }.
simulate-save = Save in this browser
simulate-clear = Clear the changes
simulate-export = Export saved scenarios (JSON)
simulate-import = Import scenarios…
simulate-saved = Saved “{ $name }” in this browser.
simulate-save-failed = This browser refused to save (storage may be full or disabled). Share the link instead.
simulate-saved-list = Saved in this browser
simulate-load = Open
simulate-load-named = Open { $name }
simulate-delete = Delete
simulate-delete-named = Delete { $name }
simulate-storage-unreadable = Scenarios stored in this browser could not be read (they may come from another version or another site); they were ignored.
simulate-storage-skipped = Some scenarios stored in this browser were not valid and were ignored.
simulate-storage-unavailable = This browser does not allow saving; share scenarios by link or export them instead.
simulate-imported = Imported { $n } scenarios.
simulate-imported-skipped = Imported { $n } scenarios; invalid entries were ignored.
simulate-import-bad = That file is not a scenarios file of this explorer; nothing was imported.
simulate-ranking = Simulated ranking
gti-caption-simulated = Simulated ranking, scenario “{ $name }”: the explorer's model with changed pillar bands (not the official index)
path-title = Path to a better band
path-intro = The fewest one-band improvements of pillars that bring { $country } to the chosen band under the current weights and aggregation, found by exact search.
path-target = Target band
path-at-best = The country is already in the lowest-risk band.
path-already = The country is already in this band or better.
path-found = { $country } reaches { $target } with { $steps } pillars each one band better ({ $count } equally small combinations). Current score: { $from }.
path-found-repeated = { $country } cannot reach { $target } by raising each pillar only one band; the fewest steps, raising some pillars more than one band, is { $steps } ({ $count } equally small combinations). Current score: { $from }.
path-score = new score { $score }
path-more = And { $n } more combinations of the same size.
path-method = Every combination with fewer improvements was checked and falls short.
path-no-data = No pillar band of { $country } is in any source we hold, so no path can be computed.
path-coverage = Too few pillars of { $country } are known for its score to be recomputed at the current minimum coverage.
path-no-weight = Every known pillar of { $country } has a zero weight; raise a weight to compute a path.
path-out-of-reach = { $country } cannot reach this band even with every weighted pillar at the lowest risk.

# Robustness
robust-intro = Does the ranking survive other reasonable weights? Every weight is drawn at random within a range around its current value, many times over; and exact bounds show the best and worst rank any weights in that range can give.
robust-spread = Weight range around the current weights
robust-draws = Random draws
robust-seed = Seed (for reproducible draws)
robust-new-seed = New seed
robust-aggregation = Aggregation
robust-timing = { $draws } draws computed in your browser in { $ms } ms.
robust-dot-caption = Rank intervals: weights ±{ $spread } %, { $draws } draws, seed { $seed }
robust-dot-legend = Dot: median rank. Thick bar: 5–95 % of draws. Thin bar with ends: guaranteed best and worst rank for any weights in the range.
robust-table-caption = Rank uncertainty with weights ±{ $spread } % ({ $draws } draws, seed { $seed }), and the probability of each band
robust-col-rank = Rank now
robust-col-median = Median rank
robust-col-interval = 5–95 % ranks
robust-col-bounds = Best–worst possible
robust-fixed = published band: fixed score
robust-bands-title = Probability of each band
robust-bands-caption = Share of draws in which each country falls in each band
robust-tornado-title = Sensitivity of { $country }'s score to each weight
robust-tornado-intro = How many points the score moves if one pillar's weight rises by one unit, all else equal. Pillars below the country's average pull its score down as their weight grows.
robust-derivative = Points per unit of weight
robust-agg-title = Aggregation and compensability
robust-agg-intro = May strong safeguards in one area make up for impunity in another? The aggregation rule decides.
robust-agg-arithmetic = fully compensatory: a point gained anywhere offsets a point lost anywhere.
robust-agg-geometric = partly compensatory: weak pillars weigh more than in the arithmetic mean.
robust-agg-minimum = not compensatory: a country is only as good as its weakest weighted pillar.
robust-agg-caption = Rank under each aggregation rule (current weights); arrows show the change from the arithmetic mean
robust-fixed-note = Published band only: the explorer has no pillar data for this country, so its score is the band's midpoint and does not move with the weights.
embed-open-full = Open in Torture Index Explorer ↗
embed-model-note = GTI scores are the explorer's model, not OMCT's.
embed-unsupported = This view cannot be embedded. Open it in the explorer.
