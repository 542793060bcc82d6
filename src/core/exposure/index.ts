export {
  buildExposureModel,
  EXPOSURE_DISCLAIMER,
  type ExposureCurve,
  type ExposureDose,
  type ExposureEstimate,
  type ExposureModel,
  type ExposureParameterSet,
  type ExposurePoint,
  estimateExposure,
} from "./estimate.ts";
export {
  fractionInBody,
  type OneCompartmentParameters,
  parametersFrom,
} from "./one-compartment.ts";
