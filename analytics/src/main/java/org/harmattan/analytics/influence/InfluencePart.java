package org.harmattan.analytics.influence;

import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.domain.text.Texts;
import org.harmattan.engine.query.EventFilter;

/** A part of {@link TerritorialInfluence}: what it computes from, and where its figures go. */
abstract class InfluencePart {
  /** Where the part's figures go. */
  final InfluenceBook book;

  final SecurityRequest request;
  final InfluenceOptions options;

  /** The figures' language. */
  final Texts texts;

  /** The political violence of the request. */
  final EventFilter filter;

  InfluencePart(InfluenceBook book) {
    this.book = book;
    this.request = book.request();
    this.options = book.options();
    this.texts = book.texts();
    this.filter = book.filter();
  }
}
