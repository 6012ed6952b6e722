// Types for the ECharts modules charts.ts installs one by one (the package types only its
// bundles); each exports the installer that echarts.use() takes.
type Installer = Exclude<Parameters<typeof import("echarts/core").use>[0], unknown[]>;

declare module "echarts/lib/chart/bar/install.js" {
  export const install: Installer;
}
declare module "echarts/lib/component/grid/installSimple.js" {
  export const install: Installer;
}
declare module "echarts/lib/renderer/installSVGRenderer.js" {
  export const install: Installer;
}
declare module "echarts/lib/chart/line/install.js" {
  export const install: Installer;
}
declare module "echarts/lib/chart/scatter/install.js" {
  export const install: Installer;
}
declare module "echarts/lib/component/legend/installLegendPlain.js" {
  export const install: Installer;
}
