-- Schema 3: metrics attached to a stage (KPIs of the stage: conversion, NPS, retention…), as a
-- JSON list of {name, value, target, unit, upIsGood}; '[]' when the stage has none.
ALTER TABLE stages ADD COLUMN metrics TEXT NOT NULL DEFAULT '[]';
