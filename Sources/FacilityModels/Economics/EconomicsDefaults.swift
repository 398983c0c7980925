/// Default cost figures of the total-cost-of-ownership model, each with its source and date, or marked as an
/// assumption. Prices are US dollars; scenario files override the ones they name (`economics:` block).
///
/// Sources are the rows of the shared references (`/work/shared/references/physics-and-benchmarks.md`, §7).
public enum EconomicsDefaults {
    // MARK: capital

    /// Price of one 8-GPU H100 server, USD. HGX H100 node quotes $310–317k including InfiniBand
    /// (docs.google.com/spreadsheets/d/1Ft3RbeZ-w43kYSiLfYc1vxO41mK5lmJpcPC9GOYHAWc, seen 2025); the lower end.
    /// Assumption: the same price is used for every accelerator of the catalogue unless the scenario names one.
    public static let serverPriceUsd = 310_000.0
    /// Amortisation period of IT hardware, years. GPU depreciation is 3–5 years straight line
    /// (computetape.com/learn/how-fast-does-an-h100-depreciate, 2025); Assumption: the middle, 4 years.
    public static let serverYears = 4.0

    /// Data-centre construction cost per MW of critical IT load, USD: $11.7 M average of 19 US markets
    /// (range $9.3–15.0 M), excluding land and IT (Cushman & Wakefield, Data Center Development Cost Guide 2025).
    public static let constructionUsdPerMegawatt = 11.7e6
    /// Split of construction cost. Assumption (no public split found): electrical (utility, switchgear, UPS,
    /// generators) 45 %, mechanical cooling plant 25 %, building shell and fit-out 30 %.
    public static let electricalShare = 0.45
    public static let coolingShare = 0.25
    public static let buildingShare = 0.30
    /// Electrical and cooling plant amortisation, years. Assumption: 15 years (the period of the shared
    /// references' worked check of the facility cost per GPU-hour).
    public static let plantYears = 15.0
    /// Building amortisation, years. Assumption: 30 years.
    public static let buildingYears = 30.0
    /// Software & platform, integration and training (the document's investment categories besides hardware) as
    /// fixed one-off costs, USD, added to the per-GPU figures below. Assumption: 0 unless the scenario gives them.
    public static let softwarePlatformUsd = 0.0
    public static let integrationUsd = 0.0
    public static let trainingUsd = 0.0
    /// Software & platform licence per GPU, one-off, USD: NVIDIA AI Enterprise perpetual licence with 5 years of
    /// support, $22,500 per GPU (NVIDIA Enterprise Licensing Guide, docs.nvidia.com/ai-enterprise/planning-resource/
    /// licensing-guide, as summarised at fundalyst.xyz/NVDA/non_gpu/software/enterprise_licensing, seen 2026); the
    /// subscription is $4,500 per GPU per year (Jensen Huang, NVIDIA Q3 FY2024 earnings call, Nov 2023). Needed for
    /// NIM inference microservices; HGX H100 SXM systems do not bundle it (only H100 PCIe/NVL and H200 NVL cards do).
    public static let softwarePlatformUsdPerGpu = 22_500.0
    /// Integration per GPU, one-off, USD: "integration costs approximately as much as the first year of licensing"
    /// (rule of thumb of AI project managers, prompt-consulting.com/blog/hidden-costs-of-ai-projects-nobody-warns-you-
    /// about, seen 2026) = one year of the $4,500/GPU subscription.
    public static let integrationUsdPerGpu = 4_500.0
    /// Training & change management as a share of the first-year AI budget (licence year + integration): 15 %, the
    /// low end of the 15–25 % that training and process redesign took of first-year AI budgets in a 2024 analysis of
    /// 157 small and mid-sized businesses (ehga.org/change-management-costs-in-generative-ai-programs-training-and-
    /// process-redesign, seen 2026).
    public static let trainingShareOfFirstYearBudget = 0.15
    /// Amortisation of software, integration and training, years: the 5-year support term of the perpetual licence.
    public static let softwareYears = 5.0
    /// Cost of capital (discount rate of the capital recovery factor), per year. Assumption: 8 %.
    public static let costOfCapital = 0.08

    // MARK: operating

    /// Electricity price, USD/kWh: $0.094/kWh, the power cost of Oak Ridge's Frontier in
    /// `ExaDigiT/RAPS config/frontier.yaml` (within the 2024 US industrial range 6.8–18 ¢/kWh of EIA EPM
    /// Table 5.6.B, Jul 2024).
    public static let energyPriceUsdPerKilowattHour = 0.094
    /// IT hardware support per year as a fraction of the server price. Derived: DGX H100 support ≈ 20 %/yr of
    /// its ~$199k base (supercluster.blog/p/4-nvidia-dgx-h100-hardware) ≈ $39.8k/yr ≈ 12.8 % of a $310k node.
    public static let itMaintenanceFractionPerYear = 0.128
    /// Facility (electrical, cooling, building) maintenance per year as a fraction of its capital. Assumption: 3 %.
    public static let facilityMaintenanceFractionPerYear = 0.03
    /// Operations staff, full-time equivalents per MW of IT, and the loaded cost of one, USD/year.
    /// Assumption: one 24/7 seat (≈ 5 FTE) per MW at $120k loaded cost.
    public static let staffPerMegawatt = 5.0
    public static let staffCostPerYearUsd = 120_000.0
    /// Water and sewer price, USD/m³. Assumption: $2/m³ (typical US municipal tariffs, 2024).
    public static let waterPriceUsdPerCubicMeter = 2.0
    /// Price the heat user pays for recovered heat, USD/kWh of heat exported. Assumption: 0 (not sold).
    public static let heatSalePriceUsdPerKilowattHour = 0.0

    // MARK: public-cloud reference

    /// H100 on-demand price of AWS (p5.48xlarge per GPU), USD per GPU-hour: ~$3.90 in the March 2026 snapshot
    /// of costnimbus.com/article/gpu-cost-management-ml-teams (hyperscaler range $3.50–5.00, mercatus-ai.com, May 2026).
    public static let cloud = CloudReference.gpuHour(offering: "AWS p5.48xlarge H100 on-demand (costnimbus.com, Mar 2026)",
                                                     usdPerGpuHour: 3.90)
}
